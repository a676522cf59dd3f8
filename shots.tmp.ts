import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3500';
const pages = ['/feed', '/u/demo', '/u/maya.bakes', '/explore', '/notifications', '/search?q=ma', '/settings/profile', '/settings/account', '/settings/security', '/how-it-works'];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const [name, viewport, scheme] of [['desk', { width: 1280, height: 900 }, 'light'], ['mob', { width: 390, height: 844 }, 'dark']] as const) {
    const ctx = await browser.newContext({ viewport, colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('demo@example.com');
    await page.getByLabel('Password', { exact: true }).fill('cookies-and-cream');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/feed/);
    for (const p of pages) {
      await page.goto(base + p);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/shots/${name}${p.replace(/[/?=]/g, '_')}.png` });
    }
    await page.goto(`${base}/feed`);
    await page.locator('a[href^="/p/"]').first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${name}_modal.png` });
    await ctx.close();
  }
  await browser.close();
})();
