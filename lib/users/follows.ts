import 'server-only';
import { requireVerifiedViewer, requireViewer } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { LIMITS, type RateLimited, reserveAttempt } from '@/lib/security/rate-limit';
import { deleteFollowQuery, followerCountQuery, insertFollowQuery, userIdByNameQuery } from './statements';

// Following and unfollowing. The app only inserts or deletes the follows row: the counts on both
// users and the "started following you" notification are kept by triggers (drizzle/0006_social.sql).

export type FollowState = { following: boolean; followerCount: number };
export type FollowResult = ({ ok: true } & FollowState) | { ok: false; reason: 'not-found' | 'yourself' } | RateLimited;

function prepareFollowStatements() {
  const db = getDb();
  return {
    userId: userIdByNameQuery(db).prepare(),
    insert: insertFollowQuery(db).prepare(),
    remove: deleteFollowQuery(db).prepare(),
    followerCount: followerCountQuery(db).prepare(),
  };
}
let statements: ReturnType<typeof prepareFollowStatements> | undefined;
const prepared = () => (statements ??= prepareFollowStatements());

/**
 * The viewer follows (or unfollows) `username`, idempotently. Follows are limited per hour
 * (each attempt counted before it runs, so parallel requests cannot pass the limit); unfollows
 * are not, as they only take back.
 */
export async function setFollow(username: string, following: boolean): Promise<FollowResult> {
  // Following waits for a confirmed email when REQUIRE_VERIFIED_EMAIL=on; taking one back never does.
  const viewer = following ? await requireVerifiedViewer() : await requireViewer();
  const { userId, insert, remove, followerCount } = prepared();
  if (following) {
    const reserved = await reserveAttempt(LIMITS.followsPerUser, String(viewer.id));
    if (!reserved.ok) return reserved;
  }
  const [target] = await userId.execute({ username: username.toLowerCase() });
  if (!target) return { ok: false, reason: 'not-found' };
  if (target.id === viewer.id) return { ok: false, reason: 'yourself' };
  const ids = { followerId: viewer.id, followeeId: target.id };
  await (following ? insert.execute({ ...ids, now: Date.now() }) : remove.execute(ids));
  const [row] = await followerCount.execute({ followeeId: target.id });
  // Deleted between the lookup and now: as unknown as if it never was.
  if (!row) return { ok: false, reason: 'not-found' };
  return { ok: true, following, followerCount: row.followerCount };
}
