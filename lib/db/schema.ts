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
  /** Shown beside the username; '' means "show the username". Plain text, never HTML. */
  displayName: text('display_name').notNull().default(''),
  bio: text('bio').notNull().default(''),
  /** The profile photo's 320 px square rendition in the media store; null: the initial is shown. */
  avatarKey: text('avatar_key').unique(),
  // Kept equal to their rows by triggers (drizzle/0006_social.sql), as posts.like_count is.
  postCount: integer('post_count').notNull().default(0),
  followerCount: integer('follower_count').notNull().default(0),
  followingCount: integer('following_count').notNull().default(0),
  createdAt: createdAt(),
},
(t) => [
  // "Suggested for you": the most-followed accounts, read from the top of this index.
  index('users_follower_count_idx').on(t.followerCount, t.id),
  // Search by display-name prefix, case-insensitively: a range on lower(display_name).
  index('users_display_name_search_idx').on(sql`lower(${t.displayName})`),
]);

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
    /** Kept equal to the number of comments rows by triggers (drizzle/0006_social.sql). */
    commentCount: integer('comment_count').notNull().default(0),
    /**
     * The caption's #tags as a JSON array, written with the caption by the DAL (SQL cannot parse
     * them); triggers (drizzle/0008_post_tags.sql) copy it into post_tags in the same statement.
     * null: not parsed yet (posts from before the tags existed; lib/posts/tags.ts backfills them).
     */
    tags: text('tags'),
    createdAt: createdAt(),
  },
  (t) => [
    // Explore: everyone's posts, newest first, keyset-paginated on (created_at, id).
    index('posts_feed_idx').on(t.createdAt, t.id),
    // A profile's grid and the following feed: one author's posts, newest first.
    index('posts_author_idx').on(t.authorId, t.createdAt, t.id),
    check('posts_like_count_non_negative', sql`${t.likeCount} >= 0`),
    index('posts_untagged_idx').on(t.id).where(sql`${t.tags} is null`),
  ],
);

/** One row per #tag per post, kept from posts.tags by triggers; a tag's page reads it newest first. */
export const postTags = sqliteTable(
  'post_tags',
  {
    /** Normalised (lib/text/entities.ts normalizeTag). */
    tag: text('tag').notNull(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    /** The post's, copied: the page is keyset-paginated on (created_at, post_id) within a tag. */
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.tag] }), index('post_tags_tag_idx').on(t.tag, t.createdAt, t.postId)],
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

/** Who follows whom. The primary key answers "do I follow them?" and lists whom someone follows. */
export const follows = sqliteTable(
  'follows',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: integer('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    // Lists, newest first: someone's followers, and whom someone follows.
    index('follows_followee_idx').on(t.followeeId, t.createdAt),
    index('follows_follower_idx').on(t.followerId, t.createdAt),
    check('follows_not_self', sql`${t.followerId} <> ${t.followeeId}`),
  ],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Plain text, never HTML; mentions and hashtags are found when it is shown. */
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A post's comments, oldest first (and its newest two, read backwards), keyset on (created_at, id).
    index('comments_post_idx').on(t.postId, t.createdAt, t.id),
    index('comments_author_idx').on(t.authorId),
  ],
);

/**
 * "X liked your photo", "X commented: …", "X started following you". Written and withdrawn by
 * triggers on likes, comments and follows (drizzle/0006_social.sql), in the statement that
 * changes them, so a notification exists exactly while what it is about does.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recipientId: integer('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['like', 'comment', 'follow'] }).notNull(),
    /** The liked or commented post; null for a follow. */
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    /** The comment, for kind 'comment'. */
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    /** null until the recipient opens the notifications page. */
    readAt: integer('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // The page, newest first, keyset on (created_at, id); the unread count.
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.recipientId).where(sql`${t.readAt} is null`),
    // Withdrawal (unlike, unfollow) and cascades (a post, a comment, an actor deleted).
    index('notifications_post_idx').on(t.postId, t.actorId),
    index('notifications_actor_idx').on(t.actorId, t.recipientId),
    index('notifications_comment_idx').on(t.commentId),
    check('notifications_kind', sql`${t.kind} in ('like', 'comment', 'follow')`),
  ],
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
export type Comment = typeof comments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
