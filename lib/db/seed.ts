import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { count, eq, inArray, notInArray } from 'drizzle-orm';
import sharp from 'sharp';
import { hashPassword } from '@/lib/auth/password';
import { processPhoto } from '@/lib/media/pipeline';
import { type MediaStore, getMediaStore } from '@/lib/media/storage';
import { photoKeys } from '@/lib/media/stored-photo';
import { settlePending, storePendingPhoto } from '@/lib/posts/post-photos';
import type { Db } from './client';
import { captionTags } from '@/lib/posts/tags';
import { DEMO_PASSWORD, demoFollows, demoPosts, demoUsers } from './demo-content';
import { follows, likes, posts, users } from './schema';

const HOUR_MS = 60 * 60 * 1000;
const DEMO_ART = join(process.cwd(), 'lib', 'db', 'demo-art');

/**
 * A demo drawing, stored as an upload would be: the SVG is rasterised first (uploads may not be
 * SVG), then goes through the same pipeline, so every post loads the same way.
 */
async function storeDemoPhoto(db: Db, store: MediaStore, file: string) {
  const png = await sharp(await readFile(join(DEMO_ART, file))).png({ compressionLevel: 0 }).toBuffer();
  return storePendingPhoto(db, store, await processPhoto(png));
}

/**
 * Inserts the demo users, their posts (newest first, a few hours apart) and some likes.
 * Idempotent: users already there are kept, so a seed cut short can simply run again.
 */
export async function seedDemoData(db: Db, bcryptCost: number, store: MediaStore = getMediaStore(), now = Date.now()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, bcryptCost);
  await db
    .insert(users)
    .values(demoUsers.map((u, i) => ({ ...u, passwordHash, createdAt: now - (demoPosts.length + i) * 3 * HOUR_MS })))
    .onConflictDoNothing();

  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, demoUsers.map((u) => u.username)));
  // A demo name or email already taken by a real account leaves that demo user out.
  const idOf = new Map(rows.map((r) => [r.username, r.id]));
  const demoFollowRows = demoFollows.flatMap(([follower, followee]) => {
    const [followerId, followeeId] = [idOf.get(follower), idOf.get(followee)];
    return followerId === undefined || followeeId === undefined ? [] : [{ followerId, followeeId, createdAt: now }];
  });
  // The counts and "started following you" follow by trigger.
  if (demoFollowRows.length > 0) await db.insert(follows).values(demoFollowRows).onConflictDoNothing();
  const postRows = [];
  // One at a time: the pipeline is the costliest work there is, and start-up shares the machine.
  for (const [i, p] of demoPosts.entries()) {
    const authorId = idOf.get(p.author);
    if (authorId === undefined) continue;
    postRows.push({ authorId, ...(await storeDemoPhoto(db, store, p.file)), caption: p.caption, tags: captionTags(p.caption), createdAt: now - (i + 1) * 3 * HOUR_MS });
  }
  if (postRows.length === 0) return;
  const inserted = await db.insert(posts).values(postRows).returning({ id: posts.id });
  await settlePending(db, postRows.flatMap(photoKeys));

  // Each demo user likes posts by a fixed pattern, so the counts vary from none to all.
  const likers = [...idOf.values()];
  const demoLikes = inserted.flatMap((post, i) =>
    likers.filter((_, u) => (i + u) % (u + 2) === 0).map((userId) => ({ userId, postId: post.id })),
  );
  if (demoLikes.length > 0) await db.insert(likes).values(demoLikes).onConflictDoNothing();
}

/**
 * First start: a database with no posts and nobody but the demo users gets the demo content. A
 * site whose real users deleted every post stays empty.
 */
export async function seedIfEmpty(db: Db, bcryptCost: number): Promise<boolean> {
  const [postRow] = await db.select({ n: count() }).from(posts);
  const demoNames = demoUsers.map((u) => u.username);
  const [others] = await db.select({ n: count() }).from(users).where(notInArray(users.username, demoNames));
  if ((postRow?.n ?? 0) > 0 || (others?.n ?? 0) > 0) return false;
  await seedDemoData(db, bcryptCost);
  return true;
}

/** `npm run db:seed`: drops the demo users (their posts and likes cascade) and seeds again. */
export async function reseedDemoData(db: Db, bcryptCost: number): Promise<void> {
  for (const u of demoUsers) await db.delete(users).where(eq(users.username, u.username));
  await seedDemoData(db, bcryptCost);
}
