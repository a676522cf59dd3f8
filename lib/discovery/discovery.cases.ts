// Search, suggested accounts, Explore and tag pages, run against each driver by
// discovery.test.ts (an SQLite file) and discovery.libsql.test.ts (a real libSQL server).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { follows, postTags, posts, users } from '@/lib/db/schema';
import { newMediaKey } from '@/lib/media/keys';
import { decodeCursor } from '@/lib/posts/cursor';
import { GRID_PAGE_SIZE } from '@/lib/posts/grid';
import { editPost } from '@/lib/posts/publishing';
import { backfillPostTags, captionTags } from '@/lib/posts/tags';
import { createUser } from '@/lib/users/queries';
import type { TestDatabase } from '@/testing/database';
import { asViewer } from '@/testing/viewer';
import { searchPeople, suggestedAccounts } from './people';
import { countTagPosts, getExplorePage, getTagPage } from './posts';
import { parseSearchQuery } from './search';

type User = { id: number; username: string };

export function describeDiscovery(open: () => Promise<TestDatabase>) {
  let db: Db;
  let database: TestDatabase | undefined;
  let viewer: User;
  const people: Record<string, User> = {};

  async function newUser(username: string, displayName = ''): Promise<User> {
    const result = await createUser({ username, email: `${username}@example.com`, passwordHash: 'x' });
    if (!result.ok) throw new Error(`could not create ${username}`);
    if (displayName) await db.update(users).set({ displayName }).where(eq(users.id, result.user.id));
    people[username] = result.user;
    return result.user;
  }
  const person = (name: string) => people[name] ?? (() => { throw new Error(name); })();

  const search = (q: string) =>
    asViewer(viewer, async () => {
      const query = parseSearchQuery(q);
      if (query.kind !== 'prefix') throw new Error(`not a search: ${query.kind}`);
      return (await searchPeople(query)).map((p) => p.username);
    });

  let at = 1_700_000_000_000;
  async function post(author: User, caption: string, tags: string | null = captionTags(caption)) {
    at += 1000;
    const [row] = await db
      .insert(posts)
      .values({ authorId: author.id, imageKey: newMediaKey('webp'), mediumKey: newMediaKey('webp'), thumbnailKey: newMediaKey('webp'), width: 1080, height: 1080, caption, tags, createdAt: at })
      .returning({ id: posts.id });
    if (!row) throw new Error('no row');
    return row.id;
  }

  beforeAll(async () => {
    database = await open();
    db = database.db;
    viewer = await newUser('viewer');
    await newUser('anna', 'Anna Lee');
    await newUser('annabel', 'Bel');
    await newUser('bob_x', 'Zed 100%');
    await newUser('bobby', 'Anneliese Roe');
    await newUser('carl', 'ÉMILE');
  });
  afterAll(async () => {
    await database?.stop();
  });

  describe('search', () => {
    it('finds people by username or display-name prefix, case-insensitively, each once', async () => {
      expect(await search('ann')).toEqual(['anna', 'annabel', 'bobby']);
      expect(await search('ANNA')).toEqual(['anna', 'annabel']);
      expect(await search('@bob')).toEqual(['bob_x', 'bobby']);
      expect(await search('anna lee')).toEqual(['anna']);
      expect(await search('Émile')).toEqual(['carl']);
    });

    it('treats % and _ as plain characters, never wildcards', async () => {
      expect(await search('%')).toEqual([]);
      expect(await search('_')).toEqual([]);
      expect(await search('bob_')).toEqual(['bob_x']);
      expect(await search('b_b')).toEqual([]);
      expect(await search('zed 100%')).toEqual(['bob_x']);
      expect(await search("' or 1=1 --")).toEqual([]);
    });

    it('shows what a row needs and nothing of an account beyond it', async () => {
      const [anna] = await asViewer(viewer, () => searchPeople({ kind: 'prefix', text: 'anna', from: 'anna', to: `anna${String.fromCodePoint(0x10ffff)}` }));
      expect(anna).toEqual({ username: 'anna', displayName: 'Anna Lee', avatar: null, followerCount: 0, following: false });
    });

    it('parses the q parameter: empty, too long, repeated', () => {
      expect(parseSearchQuery(undefined)).toEqual({ kind: 'empty' });
      expect(parseSearchQuery('   ')).toEqual({ kind: 'empty' });
      expect(parseSearchQuery('@')).toEqual({ kind: 'empty' });
      expect(parseSearchQuery('x'.repeat(51))).toEqual({ kind: 'too-long' });
      expect(parseSearchQuery('x'.repeat(100_000))).toEqual({ kind: 'too-long' });
      expect(parseSearchQuery(['ab', 'cd'])).toMatchObject({ kind: 'prefix', from: 'ab' });
    });
  });

  describe('suggested accounts', () => {
    it('are the most-followed accounts the viewer does not follow, never the viewer', async () => {
      await db.insert(follows).values([
        { followerId: person('anna').id, followeeId: person('carl').id },
        { followerId: person('bobby').id, followeeId: person('carl').id },
        { followerId: person('anna').id, followeeId: person('bobby').id },
        { followerId: person('carl').id, followeeId: viewer.id },
        { followerId: person('anna').id, followeeId: viewer.id },
      ]);
      const names = async () => (await suggestedAccounts(viewer.id)).map((p) => p.username);
      const before = await names();
      expect(before.slice(0, 2)).toEqual(['carl', 'bobby']);
      expect(before).not.toContain('viewer');
      await db.insert(follows).values({ followerId: viewer.id, followeeId: person('carl').id });
      const after = await names();
      expect(after[0]).toBe('bobby');
      expect(after).not.toContain('carl');
      expect(await search('carl')).toEqual(['carl']);
      const [carl] = await asViewer(viewer, () => searchPeople({ kind: 'prefix', text: 'carl', from: 'carl', to: `carl${String.fromCodePoint(0x10ffff)}` }));
      expect(carl).toMatchObject({ following: true, followerCount: 3 });
    });
  });

  describe('Explore and tags', () => {
    let tagged: number[] = [];

    beforeAll(async () => {
      tagged = [];
      for (let i = 0; i < GRID_PAGE_SIZE + 5; i++) tagged.push(await post(person('anna'), `cake ${i} #Baking #日本 #baking`));
      await post(person('bobby'), 'no tags here, but an e-mail a#b and x#1');
    });

    it('stores each tag of a caption once, normalised, and pages a tag newest first', async () => {
      expect(captionTags('#Baking #baking #Ünï_cödé #x')).toBe(JSON.stringify(['baking', 'ünï_cödé', 'x']));
      const seen: number[] = [];
      let page = await asViewer(viewer, () => getTagPage('baking', null));
      seen.push(...page.posts.map((p) => p.id));
      while (page.nextCursor) {
        const after = decodeCursor(page.nextCursor);
        page = await asViewer(viewer, () => getTagPage('baking', after));
        seen.push(...page.posts.map((p) => p.id));
      }
      expect(seen).toEqual([...tagged].reverse());
      expect(await asViewer(viewer, () => countTagPosts('baking'))).toBe(tagged.length);
      expect(await asViewer(viewer, () => countTagPosts('日本'))).toBe(tagged.length);
      expect(await asViewer(viewer, () => getTagPage('nothing', null))).toEqual({ posts: [], nextCursor: null });
    });

    it('moves a post between tags when its caption is edited, and forgets a deleted post', async () => {
      const id = tagged[0] ?? 0;
      const anna = person('anna');
      expect(await asViewer(anna, () => editPost(id, { caption: 'now #sourdough' }))).toMatchObject({ ok: true });
      expect(await db.select({ tag: postTags.tag }).from(postTags).where(eq(postTags.postId, id))).toEqual([{ tag: 'sourdough' }]);
      expect(await asViewer(viewer, () => countTagPosts('baking'))).toBe(tagged.length - 1);
      // Alt text alone leaves the tags as they are.
      await asViewer(anna, () => editPost(id, { alt: 'bread' }));
      expect(await asViewer(viewer, () => countTagPosts('sourdough'))).toBe(1);
      await db.delete(posts).where(eq(posts.id, id));
      expect(await db.select().from(postTags).where(eq(postTags.postId, id))).toEqual([]);
    });

    it('backfills the tags of posts stored before tags were', async () => {
      const old = await post(person('bobby'), 'from before #Vintage', null);
      expect(await asViewer(viewer, () => countTagPosts('vintage'))).toBe(0);
      expect(await backfillPostTags(db)).toBeGreaterThanOrEqual(1);
      expect(await asViewer(viewer, () => getTagPage('vintage', null))).toMatchObject({ posts: [{ id: old }] });
      expect(await backfillPostTags(db)).toBe(0);
    });

    it('Explore pages through everyone\'s posts newest first, each once', async () => {
      const total = (await db.select({ id: posts.id }).from(posts)).length;
      const seen: number[] = [];
      let page = await asViewer(viewer, () => getExplorePage(null));
      seen.push(...page.posts.map((p) => p.id));
      while (page.nextCursor) {
        const after = decodeCursor(page.nextCursor);
        page = await asViewer(viewer, () => getExplorePage(after));
        seen.push(...page.posts.map((p) => p.id));
      }
      expect(seen).toHaveLength(total);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
    });
  });
}
