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
  /** "Log out of all devices" bumps it; JWTs carry the epoch they were issued in. */
  tokenEpoch: integer('token_epoch').notNull().default(0),
  createdAt: createdAt(),
});

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The photo's renditions in the media store (lib/media/storage.ts): random keys, never user-chosen. */
    imageKey: text('image_key').notNull().unique(),
    mediumKey: text('medium_key').notNull().unique(),
    thumbnailKey: text('thumbnail_key').notNull().unique(),
    /** The stored image's size, so a card reserves its box before the image arrives. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** A data: URL of a ~16 px rendition, shown blurred while the image loads. */
    placeholder: text('placeholder').notNull().default(''),
    caption: text('caption').notNull().default(''),
    /** Describes the photo to screen-reader users; '' means "use the generated text". */
    alt: text('alt').notNull().default(''),
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

/** Stateful strategy: one row per login. The id is SHA-256 of the cookie's token, never the token. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** JWT strategy: ids (jti) of tokens logged out before they expired; purged after `expires_at`. */
export const revokedTokens = sqliteTable(
  'revoked_tokens',
  {
    jti: text('jti').primaryKey(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('revoked_tokens_expires_idx').on(t.expiresAt)],
);

/**
 * Stored images no post names yet, or any more: written before an upload stores its images and
 * when a post is deleted, cleared once the post's row is in or its images are gone. The media
 * sweep removes only what is left here, so it never deletes an image another database (a
 * preview sharing the bucket) put in the store.
 */
export const pendingMedia = sqliteTable(
  'pending_media',
  {
    key: text('key').primaryKey(),
    createdAt: createdAt(),
  },
  (t) => [index('pending_media_created_idx').on(t.createdAt)],
);

/**
 * Fixed-window counters for rate limits (failed logins per account and per client, sign-ups per
 * client). In the database so limits hold across restarts and across server instances.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    windowStart: integer('window_start').notNull(),
  },
  (t) => [index('rate_limits_window_idx').on(t.windowStart)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Post = typeof posts.$inferSelect;
