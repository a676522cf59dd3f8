// Test-side set-up for the comment and notification journeys: posts and follows written straight
// into the e2e server's database (photo upload and the follow API are other specs' subjects).
import { randomBytes } from 'node:crypto';
import type { openServerDb } from './security/support';

type ServerDb = ReturnType<typeof openServerDb>;

const key = () => `${randomBytes(11).toString('hex')}.webp`;

/** A post of `username`'s, newest on the feed; its id. */
export async function insertPost(db: ServerDb, username: string, caption = ''): Promise<number> {
  const [row] = await db.all<{ id: number }>(
    'INSERT INTO posts (author_id, image_key, medium_key, thumbnail_key, width, height, caption, created_at) SELECT id, ?, ?, ?, 1080, 1080, ?, ? FROM users WHERE username = ? RETURNING id',
    [key(), key(), key(), caption, Date.now(), username],
  );
  if (!row) throw new Error(`no user ${username}`);
  return Number(row.id);
}

/** Comments on a post, as if `username` had written them (the triggers count them and notify). */
export async function insertComments(db: ServerDb, postId: number, username: string, texts: string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    await db.run('INSERT INTO comments (post_id, author_id, text, created_at) SELECT ?, id, ?, ? FROM users WHERE username = ?', [postId, text, Date.now() + i, username]);
  }
}

/** `follower` follows `followee` (or stops, with `on` false), as the follow API will. */
export async function setFollow(db: ServerDb, follower: string, followee: string, on: boolean): Promise<void> {
  const ids = 'SELECT (SELECT id FROM users WHERE username = ?), (SELECT id FROM users WHERE username = ?)';
  await db.run(
    on
      ? `INSERT INTO follows (follower_id, followee_id, created_at) ${ids}, ?`
      : `DELETE FROM follows WHERE (follower_id, followee_id) = (${ids})`,
    on ? [follower, followee, Date.now()] : [follower, followee],
  );
}
