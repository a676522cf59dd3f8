import { expect, test } from '../fixtures';
import { register } from '../helpers';

test.describe('security headers', () => {
  test('every page has a nonce-based CSP and the hardening headers', async ({ request }) => {
    const first = await request.get('/login');
    const second = await request.get('/login');
    const csp = first.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];

    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval'); // a production build
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(second.headers()['content-security-policy']).not.toBe(csp); // fresh nonce per request

    // Every script tag Next.js rendered carries this request's nonce.
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const h = first.headers();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy']).toContain('camera=()');
    expect(h['strict-transport-security']).toMatch(/max-age=\d{8}/);
    expect(h['x-powered-by']).toBeUndefined();
  });

  test('JSON API answers carry a CSP that lets nothing load, and no nonce', async ({ request }) => {
    const answer = await request.post('/api/posts/1/like'); // no cookie: the proxy's 401
    expect(answer.status()).toBe(401);
    expect(answer.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(answer.headers()['x-content-type-options']).toBe('nosniff');
  });

  test('the app works under the CSP without a single violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
    });
    await register(page);
    await page.getByRole('article').nth(4).getByRole('button', { name: /^(Like|Unlike)$/ }).click();
    await page.getByRole('link', { name: 'How it works' }).click();
    await expect(page.getByRole('heading', { name: 'How your login works' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
