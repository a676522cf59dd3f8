// The notification queries as drizzle query builders, prepared once per process by queries.ts;
// the query-plan test runs the very same SQL. The rows themselves are written and withdrawn by
// triggers (drizzle/0006_social.sql): the app only reads them and marks them read.
import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/lib/db/client';
import { afterCursor } from '@/lib/db/keyset';
import { comments, notifications, posts, users } from '@/lib/db/schema';

export const NOTIFICATION_PAGE_SIZE = 20;

const recipient = sql.placeholder('viewerId');
const actor = alias(users, 'actor');
const unread = and(eq(notifications.recipientId, recipient), isNull(notifications.readAt));

/** A page of the viewer's notifications, newest first; `after`: keyset from (createdAt, id). */
export function notificationsPageQuery(db: Db, after: boolean) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actor: actor.username,
      actorAvatarKey: actor.avatarKey,
      postId: notifications.postId,
      postThumbnailKey: posts.thumbnailKey,
      commentText: comments.text,
      unread: sql<number>`${notifications.readAt} is null`,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(posts, eq(posts.id, notifications.postId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(
      and(
        eq(notifications.recipientId, recipient),
        after ? afterCursor(notifications.createdAt, notifications.id, 'newest first') : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATION_PAGE_SIZE + 1);
}

/** The top bar's badge on every page: counted in the partial index of unread rows alone. */
export function unreadCountQuery(db: Db) {
  return db.select({ n: count() }).from(notifications).where(unread);
}

// Up to the newest the viewer was shown: one that arrives while the page renders stays unread.
export function markReadQuery(db: Db) {
  return db
    .update(notifications)
    .set({ readAt: sql`${sql.placeholder('now')}` })
    .where(and(unread, lte(notifications.id, sql.placeholder('upTo'))));
}

export function prepareNotificationStatements(db: Db) {
  return {
    firstPage: notificationsPageQuery(db, false).prepare(),
    nextPage: notificationsPageQuery(db, true).prepare(),
    unreadCount: unreadCountQuery(db).prepare(),
    markRead: markReadQuery(db).prepare(),
  };
}

export type NotificationStatements = ReturnType<typeof prepareNotificationStatements>;
