// Posting photos, as a person does it in the browser and as a program does it through the API.
import type { APIRequestContext, Page, PlaywrightWorkerArgs } from '@playwright/test';
import sharp from 'sharp';
import { NOT_IMAGES, PRIVATE, gpsLatitudeBytes, photoLikeJpeg, pixelBombPng, plainJpeg, privateJpeg } from '@/testing/images';
import { expect, test } from './fixtures';
import { register, uniqueUser } from './helpers';
import { countPostsAgainstLimit, openServerDb } from './security/support';

type Part = { name: string; mimeType: string; buffer: Buffer };

const upload = (api: APIRequestContext, photo: Part | undefined, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  api.post('/api/posts', { multipart: { ...(photo ? { photo } : {}), ...fields }, headers });

const jpegPart = async (width = 900, height = 900): Promise<Part> => ({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await plainJpeg(width, height) });

/** A logged-in API client of a new user (its cookies from a real sign-up). */
async function newAccount(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined) {
  const api = await playwright.request.newContext({ baseURL });
  const user = uniqueUser();
  expect((await api.post('/api/auth/register', { data: user })).status()).toBe(201);
  return { api, user };
}

/** The photo's URL on a post's page. */
const photoUrl = async (page: Page) => (await page.getByRole('article').getByRole('img').first().getAttribute('src')) ?? '';

test.describe('posting a photo', () => {
  test('through the page: preview, progress, then the post, at the top of the feed', async ({ page }) => {
    await register(page);
    await page.getByRole('link', { name: 'New post' }).click();
    await expect(page).toHaveURL('/new');

    // Slow the upload down so its progress can be seen (Chromium's network emulation).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 });

    await page.getByLabel('Photo').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: await photoLikeJpeg(1600, 1600) });
    await expect(page.getByRole('img', { name: /^Preview/ })).toBeVisible();
    const caption = `Sunset over the bakery ${Date.now()}`;
    await page.getByLabel('Caption').fill(caption);
    await expect(page.getByText(`${caption.length} / 2,200 characters`)).toBeVisible();
    await page.getByLabel('Alt text').fill('An orange sky over a row of rooftops');
    await page.getByRole('button', { name: 'Share' }).click();

    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(page.getByRole('button', { name: 'Share' })).toBeDisabled();
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);

    await expect(page).toHaveURL(/\/p\/\d+$/, { timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const post = page.getByRole('article');
    await expect(post).toContainText(caption);
    const photo = post.getByRole('img', { name: 'An orange sky over a row of rooftops' });
    await expect(photo).toBeVisible();
    // The browser picked a rendition from the srcset at least as wide as the box it fills.
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const { chosen, needed } = await photo.evaluate((img: HTMLImageElement) => ({ chosen: img.currentSrc, needed: img.clientWidth * devicePixelRatio }));
    const rendition = await sharp(Buffer.from(await (await page.request.get(chosen)).body())).metadata();
    expect(rendition.width).toBeGreaterThanOrEqual(needed);

    await page.goto('/feed');
    await expect(page.getByRole('article').first()).toContainText(caption);
  });

  test('a photo dropped or pasted on the page is previewed; errors are shown next to the field', async ({ page }) => {
    await register(page);
    await page.goto('/new');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByText('Choose a photo to share.')).toBeVisible();
    await expect(page.getByLabel('Photo')).toHaveAttribute('aria-invalid', 'true');

    // A text file named .jpg: the browser cannot preview it, the server refuses it by its content.
    await page.getByLabel('Photo').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: NOT_IMAGES.text });
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByText(/^This file is not a photo we can take/)).toBeVisible();
    await expect(page.getByLabel('Photo')).toHaveAccessibleDescription(/This file is not a photo we can take/);
    await expect(page).toHaveURL('/new');

    // Dropped on the drop zone (the field's surroundings), then pasted anywhere on the page.
    const files = (base64: string) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'photo.jpg', { type: 'image/jpeg' }));
      return transfer;
    };
    const bytes = (await plainJpeg(800, 600)).toString('base64');
    const dropped = await page.evaluateHandle(files, bytes);
    await page.getByLabel('Photo').locator('..').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.getByRole('img', { name: /^Preview/ })).toBeVisible();
    await expect(page.getByText(/^This file is not a photo we can take/)).toHaveCount(0);

    const previewBefore = await page.getByRole('img', { name: /^Preview/ }).getAttribute('src');
    const pasted = await page.evaluateHandle(files, (await plainJpeg(600, 800)).toString('base64'));
    await page.evaluate((clipboardData) => window.dispatchEvent(new ClipboardEvent('paste', { clipboardData })), pasted);
    await expect(page.getByRole('img', { name: /^Preview/ })).not.toHaveAttribute('src', previewBefore ?? '');
    await expect(page.getByRole('img', { name: /^Preview/ })).toBeVisible();
  });

  test('the owner edits and deletes; the image is gone with the post', async ({ page }) => {
    await register(page);
    const created = await upload(page.request, await jpegPart(), { caption: 'before the edit' });
    expect(created.status()).toBe(201);
    const { id, url } = (await created.json()) as { id: number; url: string };
    expect(url).toBe(`/p/${id}`);

    await page.goto(url);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Caption').fill('after the edit');
    await page.getByLabel('Alt text').fill('A plain ochre square');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('article')).toContainText('after the edit');
    await expect(page.getByRole('img', { name: 'A plain ochre square' })).toBeVisible();
    // Editing again starts from the saved caption; Cancel drops the draft and gives focus back.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByLabel('Caption')).toHaveValue('after the edit');
    await page.getByLabel('Caption').fill('a draft never saved');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('article')).toContainText('after the edit');

    const image = await photoUrl(page);
    expect((await page.request.get(image)).status()).toBe(200);
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('Delete this post? This cannot be undone.')).toBeVisible();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL('/feed');
    expect((await page.request.get(image)).status()).toBe(404);
    const gone = await page.goto(url);
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('the feed card links its time to the post page; nobody but the owner sees Edit or Delete', async ({ page, playwright, baseURL }) => {
    const owner = await newAccount(playwright, baseURL);
    const { url } = (await (await upload(owner.api, await jpegPart(), { caption: 'not yours' })).json()) as { url: string };
    await register(page);
    await page.getByRole('article').filter({ hasText: 'not yours' }).first().getByRole('link', { name: /ago|now/ }).click();
    await expect(page).toHaveURL(url);
    // Opened from the feed, the post shows in a dialog over it.
    const post = page.getByRole('dialog').getByRole('article');
    await expect(post).toContainText('not yours');
    // No alt text given: the generated one says whose photo it is and what they wrote.
    await expect(post.getByRole('img')).toHaveAttribute('alt', `Photo by ${owner.user.username}: not yours`);
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await owner.api.delete(`/api${url.replace('/p/', '/posts/')}`);
    await owner.api.dispose();
  });
});

test.describe('the posts API', () => {
  test('201 with the id and URL; the stored image keeps no metadata and is re-encoded', async ({ playwright, baseURL }) => {
    const { api } = await newAccount(playwright, baseURL);
    const response = await upload(api, { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await privateJpeg() }, { caption: 'from home', alt: 'x' });
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: number; url: string };
    expect(body).toEqual({ id: expect.any(Number) as unknown, url: `/p/${body.id}` });

    const page = await api.get(body.url);
    const src = /<img[^>]+src="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(src).toMatch(/^\/media\/[A-Za-z0-9_-]{22}\.webp$/);
    const stored = Buffer.from(await (await api.get(src)).body());
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
    for (const order of ['little-endian', 'big-endian'] as const) expect(stored.includes(gpsLatitudeBytes(order))).toBe(false);
    expect(stored.includes(Buffer.from(PRIVATE.artist))).toBe(false);
    await api.delete(`/api/posts/${body.id}`);
    await api.dispose();
  });

  test('refusals say what to do, and publish nothing', async ({ playwright, baseURL, server }) => {
    const { api, user } = await newAccount(playwright, baseURL);
    const db = openServerDb(server);
    const postsOf = async () =>
      (await db.all<{ n: number }>('SELECT count(*) AS n FROM posts JOIN users ON users.id = posts.author_id WHERE users.username = ?', [user.username]))[0]?.n;

    const noPhoto = await upload(api, undefined, { caption: 'no photo' });
    expect(noPhoto.status()).toBe(400);
    expect(await noPhoto.json()).toMatchObject({ fields: { photo: [expect.stringMatching(/Choose a photo/) as unknown] } });

    const controls = await upload(api, await jpegPart(), { caption: 'a\u0000b' });
    expect(controls.status()).toBe(400);
    expect(await controls.json()).toMatchObject({ fields: { caption: [expect.stringMatching(/control characters/) as unknown] } });

    for (const [name, buffer] of Object.entries({ text: NOT_IMAGES.text, svg: NOT_IMAGES.svg, html: NOT_IMAGES.html, pdf: NOT_IMAGES.pdf })) {
      const refused = await upload(api, { name: `${name}.jpg`, mimeType: 'image/jpeg', buffer });
      expect(refused.status(), name).toBe(415);
      expect(((await refused.json()) as { error: string }).error).toMatch(/JPEG, PNG, WebP, AVIF or GIF/);
    }

    const bomb = await upload(api, { name: 'bomb.png', mimeType: 'image/png', buffer: pixelBombPng(20_000, 20_000) });
    expect(bomb.status()).toBe(422);
    expect(((await bomb.json()) as { error: string }).error).toMatch(/megapixels|pixels/);

    const longCaption = await upload(api, await jpegPart(), { caption: 'x'.repeat(2201) });
    expect(longCaption.status()).toBe(400);
    expect(await longCaption.json()).toMatchObject({ fields: { caption: [expect.stringMatching(/2,200/) as unknown] } });

    // 16 MB (its Content-Length says so; a body without one is counted as it arrives: lib/http/json.test.ts).
    const huge = await upload(api, { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(16 * 1024 * 1024, 0xff) });
    expect(huge.status()).toBe(413);
    expect(((await huge.json()) as { error: string }).error).toMatch(/15 MB/);

    const crossSite = await upload(api, await jpegPart(), {}, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status()).toBe(403);

    const anonymous = await playwright.request.newContext({ baseURL });
    expect((await upload(anonymous, await jpegPart())).status()).toBe(401);
    await anonymous.dispose();

    expect(await postsOf()).toBe(0);
    db.close();
    await api.dispose();
  });

  test('the hourly limit: 429 with Retry-After once 30 posts are counted', async ({ playwright, baseURL, server }) => {
    const { api, user } = await newAccount(playwright, baseURL);
    const db = openServerDb(server);
    await countPostsAgainstLimit(db, user.username, 30);
    db.close();
    const limited = await upload(api, await jpegPart());
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: string }).error).toMatch(/try again/);
    await api.dispose();
  });

  test('the hourly limit under concurrency: with 29 posts counted, of two uploads at once exactly one is published', async ({ playwright, baseURL, server }) => {
    const { api, user } = await newAccount(playwright, baseURL);
    const db = openServerDb(server);
    await countPostsAgainstLimit(db, user.username, 29);
    db.close();
    const statuses = (await Promise.all([upload(api, await jpegPart()), upload(api, await jpegPart())])).map((r) => r.status()).sort();
    expect(statuses).toEqual([201, 429]);
    // A third, alone, is refused too: 30 are counted now.
    expect((await upload(api, await jpegPart())).status()).toBe(429);
    await api.dispose();
  });

  test("someone else's post: 403 to edit or delete; unknown: 404", async ({ playwright, baseURL }) => {
    const owner = await newAccount(playwright, baseURL);
    const stranger = await newAccount(playwright, baseURL);
    const { id } = (await (await upload(owner.api, await jpegPart(), { caption: 'mine' })).json()) as { id: number };

    expect((await stranger.api.patch(`/api/posts/${id}`, { data: { caption: 'hijacked' } })).status()).toBe(403);
    expect((await stranger.api.delete(`/api/posts/${id}`)).status()).toBe(403);
    expect((await stranger.api.patch('/api/posts/999999999', { data: { caption: 'x' } })).status()).toBe(404);
    expect((await stranger.api.delete('/api/posts/999999999')).status()).toBe(404);
    expect((await owner.api.patch(`/api/posts/${id}`, { data: { caption: 'y'.repeat(2201) } })).status()).toBe(400);
    expect((await owner.api.patch(`/api/posts/${id}`, { data: { image: 'other.webp' } })).status()).toBe(400);

    const edited = await owner.api.patch(`/api/posts/${id}`, { data: { caption: 'still mine', alt: 'A square' } });
    expect(edited.status()).toBe(200);
    expect(await edited.json()).toMatchObject({ id, caption: 'still mine', alt: 'A square' });
    expect((await owner.api.delete(`/api/posts/${id}`)).status()).toBe(204);
    expect((await owner.api.delete(`/api/posts/${id}`)).status()).toBe(404);
    await owner.api.dispose();
    await stranger.api.dispose();
  });
});

test.describe('/media', () => {
  test('serves images with strict headers and an ETag; anything but a key is not found', async ({ page, request }) => {
    await register(page);
    const src = await photoUrl(page);
    expect(src).toMatch(/^\/media\//);
    const image = await request.get(src);
    expect(image.status()).toBe(200);
    const headers = image.headers();
    expect(headers['content-type']).toBe('image/webp');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toBe("default-src 'none'");
    expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headers.etag).toMatch(/^"/);
    expect((await request.get(src, { headers: { 'If-None-Match': headers.etag ?? '' } })).status()).toBe(304);

    // (A bare "/media/.." never reaches the route: URLs resolve dot segments before sending.)
    for (const hostile of ['/media/..%2f..%2fpackage.json', '/media/%2e%2e%2fpackage.json', '/media/..%252fpackage.json', '/media/..%5cpackage.json', '/media/AAAAAAAAAAAAAAAAAAAAAA.webp', '/media/x.svg', '/media/.data']) {
      expect((await request.get(hostile)).status(), hostile).toBe(404);
    }
  });
});
