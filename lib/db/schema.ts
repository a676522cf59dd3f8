import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, set by the app so both SQLite drivers agree. */
const createdAt = () =>
  integer('created_at')
    .notNull()
    .$defaultFn(() => Date.now());

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  /** Stored trimmed and lower-cased. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    image: text('image').notNull(),
    caption: text('caption').notNull().default(''),
    /** Kept equal to the number of likes rows by triggers (drizzle/0001_like_count_triggers.sql). */
    likeCount: integer('like_count').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    // The feed: newest first, keyset-paginated on (created_at, id).
    index('posts_feed_idx').on(t.createdAt, t.id),
    index('posts_author_idx').on(t.authorId),
    check('posts_like_count_non_negative', sql`${t.likeCount} >= 0`),
  ],
);

export const likes = sqliteTable(
  'likes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  // The primary key answers "did I like it?"; the post index serves cascades and counts.
  (t) => [primaryKey({ columns: [t.userId, t.postId] }), index('likes_post_idx').on(t.postId)],
);

export type User = typeof users.$inferSelect;
export type Post = typeof posts.$inferSelect;
