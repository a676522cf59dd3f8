// Attacks on forgot/reset password, against the production build under both strategies and on
// libSQL: enumeration by answer and by time, the limits under parallel requests, a link reused,
// raced, stale, replaced or cross-site, and the dev mailbox that must not exist in production.
import type { APIRequestContext } from '@playwright/test';
import { expect, randomClientIp, test } from '../fixtures';
import { uniqueUser } from '../helpers';
import { mailsTo, readMail } from '../mail';
import { leaksInternals, openServerDb } from './support';

const RESET_REQUESTED = "If an account exists for that email, we've sent a link to reset your password.";
const LINK_INVALID = 'This link has already been used or is no longer valid.';
const LINK_EXPIRED = 'This link has expired.';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fromNewClient = () => ({ 'X-Forwarded-For': randomClientIp() });

async function signUp(request: APIRequestContext) {
  const user = uniqueUser();
  expect((await request.post('/api/auth/register', { data: user, headers: fromNewClient() })).status()).toBe(201);
  return user;
}

/** Asks for a reset link for `email` and returns the token the mail carries. */
async function resetToken(request: APIRequestContext, server: Parameters<typeof readMail>[0], email: string): Promise<string> {
  const since = Date.now();
  expect((await request.post('/api/auth/forgot-password', { data: { email }, headers: fromNewClient() })).status()).toBe(202);
  const mail = await readMail(server, email, 'Reset your password', since);
  const link = mail.links.find((l) => new URL(l).pathname === '/reset-password');
  const token = link ? new URL(link).searchParams.get('token') : null;
  if (!token) throw new Error('no token in the reset mail');
  return token;
}

const reset = (request: APIRequestContext, token: string, password: string, headers = fromNewClient()) =>
  request.post('/api/auth/reset-password', { data: { token, password }, headers });

test.describe('forgot password: nothing tells whether an address has an account', () => {
  test('the same status and body for a known and an unknown address, in the same time (medians of 20)', async ({ request }) => {
    test.slow();
    const user = await signUp(request);
    const ask = async (email: string) => {
      const started = performance.now();
      const response = await request.post('/api/auth/forgot-password', { data: { email }, headers: fromNewClient() });
      return { ms: performance.now() - started, status: response.status(), body: await response.text() };
    };
    await ask('warm.up@example.com');
    const known = [];
    const unknown = [];
    // Alternating which goes first, so neither always follows the other's after-the-answer work.
    for (let i = 0; i < 20; i++) {
      const other = `no.one.${i}.${Date.now()}@example.com`;
      if (i % 2 === 0) {
        known.push(await ask(user.email));
        unknown.push(await ask(other));
      } else {
        unknown.push(await ask(other));
        known.push(await ask(user.email));
      }
    }
    for (const r of [...known, ...unknown]) {
      expect(r.status).toBe(202);
      expect(r.body).toBe(JSON.stringify({ message: RESET_REQUESTED }));
    }
    // The lookup, the token and the SMTP round trip all run after the answer. Sending in the
    // answer's path would add the SMTP time (tens of ms) to the known address only.
    // The bound allows for a machine busy with other work (each answer takes ~10–100 ms here).
    const [k, u] = [median(known.map((r) => r.ms)), median(unknown.map((r) => r.ms))];
    console.log(`forgot-password medians: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
    expect(Math.abs(k - u)).toBeLessThan(Math.max(25, 0.3 * Math.min(k, u)));
  });

  test('3 links an hour per address, however many ask at once, and the 4th+ answer is the same', async ({ request, server }) => {
    const user = await signUp(request);
    const since = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => request.post('/api/auth/forgot-password', { data: { email: user.email }, headers: fromNewClient() })),
    );
    for (const a of answers) {
      expect(a.status()).toBe(202);
      expect(await a.json()).toEqual({ message: RESET_REQUESTED });
    }
    const resets = () => mailsTo(server, user.email, since).filter((m) => m.subject === 'Reset your password').length;
    await expect.poll(resets, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 1000));
    expect(resets()).toBe(3);
  });

  test('10 requests an hour per client, enforced under a parallel burst, then 429 with Retry-After', async ({ request }) => {
    const client = fromNewClient();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => request.post('/api/auth/forgot-password', { data: { email: `burst.${i}@example.com` }, headers: client })),
    );
    const statuses = answers.map((a) => a.status());
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const refused = answers.find((a) => a.status() === 429);
    expect(Number(refused?.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await refused?.json()) as unknown).toEqual({ error: expect.stringMatching(/^Too many attempts\. Please wait/) as unknown });
  });

  test('bad input is a clear 4xx', async ({ request }) => {
    for (const [data, status] of [
      [{ email: 'nope' }, 400],
      [{}, 400],
      ['{"email":', 400],
    ] as const) {
      const response = await request.post('/api/auth/forgot-password', {
        data: typeof data === 'string' ? data : JSON.stringify(data),
        headers: { ...fromNewClient(), 'Content-Type': 'application/json' },
      });
      expect(response.status()).toBe(status);
      expect(leaksInternals(await response.text())).toBe(false);
    }
  });
});

test.describe('reset links', () => {
  test('work once: the second use is refused, and logs no one in', async ({ request, server }) => {
    const user = await signUp(request);
    const token = await resetToken(request, server, user.email);
    const first = await reset(request, token, `${user.password}-one`);
    expect(first.status()).toBe(200);
    expect(first.headers()['set-cookie']).toMatch(/(token|session)=/);
    const again = await reset(request, token, `${user.password}-two`);
    expect(again.status()).toBe(410);
    expect(await again.json()).toEqual({ error: LINK_INVALID });
    expect(again.headers()['set-cookie']).toBeUndefined();
    expect((await request.post('/api/auth/login', { data: { email: user.email, password: `${user.password}-one` }, headers: fromNewClient() })).status()).toBe(200);
  });

  test('of 10 parallel resets with one link, exactly one happens', async ({ request, server }) => {
    const user = await signUp(request);
    const token = await resetToken(request, server, user.email);
    const passwords = Array.from({ length: 10 }, (_, i) => `${user.password}-race-${i}`);
    const answers = await Promise.all(passwords.map((p) => reset(request, token, p)));
    const statuses = answers.map((a) => a.status());
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 410)).toHaveLength(9);
    const winner = passwords[statuses.indexOf(200)] ?? '';
    const logins = await Promise.all(
      passwords.map((password) => request.post('/api/auth/login', { data: { email: user.email, password }, headers: fromNewClient() })),
    );
    expect(logins.map((l) => l.status())).toEqual(passwords.map((p) => (p === winner ? 200 : 401)));
  });

  test("a link resets only its own account, whoever uses it", async ({ request, server, playwright, baseURL }) => {
    const victim = await signUp(request);
    const attacker = await signUp(request);
    const token = await resetToken(request, server, attacker.email);
    // Logged in as the victim, the attacker's link changes the attacker's password and nothing else.
    const asVictim = await playwright.request.newContext({ baseURL, extraHTTPHeaders: fromNewClient() });
    expect((await asVictim.post('/api/auth/login', { data: { email: victim.email, password: victim.password } })).status()).toBe(200);
    const answer = await reset(asVictim, token, `${attacker.password}-new`);
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { user: { username: string } }).user.username).toBe(attacker.username);
    expect((await request.post('/api/auth/login', { data: { email: victim.email, password: victim.password }, headers: fromNewClient() })).status()).toBe(200);
    await asVictim.dispose();
  });

  test('a stale link says it expired, on the page and from the API, and changes nothing', async ({ request, server, page }) => {
    const user = await signUp(request);
    const token = await resetToken(request, server, user.email);
    const db = openServerDb(server);
    try {
      await db.run("UPDATE account_tokens SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = ?) AND kind = 'reset-password'", [Date.now() - 1, user.email]);
    } finally {
      db.close();
    }
    await page.goto(`/reset-password?token=${token}`);
    await expect(page.getByRole('alert').filter({ hasText: LINK_EXPIRED })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Send a new link' })).toBeVisible();
    const answer = await reset(request, token, `${user.password}-late`);
    expect(answer.status()).toBe(410);
    expect(await answer.json()).toEqual({ error: LINK_EXPIRED });
    expect((await request.post('/api/auth/login', { data: { email: user.email, password: user.password }, headers: fromNewClient() })).status()).toBe(200);
  });

  test('a newer link voids the older one', async ({ request, server }) => {
    const user = await signUp(request);
    const older = await resetToken(request, server, user.email);
    const newer = await resetToken(request, server, user.email);
    expect((await reset(request, older, `${user.password}-old`)).status()).toBe(410);
    expect((await reset(request, newer, `${user.password}-new`)).status()).toBe(200);
  });

  test('cross-site POSTs are refused and leave the link usable', async ({ request, server }) => {
    const user = await signUp(request);
    const token = await resetToken(request, server, user.email);
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<string, string>[]) {
      const answer = await reset(request, token, `${user.password}-evil`, { ...fromNewClient(), ...headers });
      expect(answer.status()).toBe(403);
      const asked = await request.post('/api/auth/forgot-password', { data: { email: user.email }, headers: { ...fromNewClient(), ...headers } });
      expect(asked.status()).toBe(403);
    }
    expect((await reset(request, token, `${user.password}-mine`)).status()).toBe(200);
  });

  test('garbage tokens and weak passwords are clear 4xx, never a 500', async ({ request, server }) => {
    for (const token of ['', 'x', 'A'.repeat(43), `${'A'.repeat(42)}=`, '../../etc/passwd']) {
      const answer = await reset(request, token, 'a perfectly fine pass phrase');
      expect(answer.status()).toBe(410);
      expect(await answer.json()).toEqual({ error: LINK_INVALID });
    }
    expect((await reset(request, 'A'.repeat(101), 'a perfectly fine pass phrase')).status()).toBe(400);
    const user = await signUp(request);
    const token = await resetToken(request, server, user.email);
    const weak = await reset(request, token, 'password');
    expect(weak.status()).toBe(400);
    const body = await weak.text();
    expect(body).toContain('too easy to guess');
    expect(leaksInternals(body)).toBe(false);
    expect((await reset(request, token, 'short')).status()).toBe(400);
    // Refusing the password did not use the link up.
    expect((await reset(request, token, `${user.password}-strong`)).status()).toBe(200);
  });
});

test('the dev mailbox does not exist in production', async ({ request }) => {
  const response = await request.get('/dev/mailbox');
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('every mail lands here');
});
