// Accessibility: axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices) on every page of the
// app (testing/sample-pages.ts reads app/, so a new page is checked the day it is added), in light
// and dark, logged out and logged in. A page that redirects is checked where it lands, once per
// landing page. Any violation fails, with the rule, the elements and how to fix them.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_USER, firstPostId, samplePages } from '../testing/sample-pages';
import { expect, test } from './fixtures';
import { logIn } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Rules switched off, each with the reason. Empty: every rule applies. An entry needs a reason a
 * reviewer can check, e.g. `{ rule: 'region', reason: '…' }`.
 */
const ALLOWED: { rule: string; reason: string }[] = [];

type Found = { page: string; landed: string; rule: string; impact: string; help: string; helpUrl: string; nodes: string[] };

/** Whatever axe finds on the page the browser is on, one entry per rule. */
async function violations(page: Page, visited: string): Promise<Found[]> {
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .disableRules(ALLOWED.map((a) => a.rule))
    .analyze();
  const landed = new URL(page.url()).pathname;
  return results.violations.map((v) => ({
    page: visited,
    landed,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`),
  }));
}

const describe = (found: Found[]) =>
  found
    .map((f) => `${f.page}${f.landed !== f.page ? ` (landed on ${f.landed})` : ''}: ${f.rule} [${f.impact}] ${f.help}\n  fix: ${f.helpUrl}\n${f.nodes.map((n) => `    - ${n}`).join('\n')}`)
    .join('\n\n');

for (const colorScheme of ['light', 'dark'] as const) {
  for (const loggedIn of [false, true]) {
    test(`axe finds nothing on any page: ${colorScheme}, ${loggedIn ? 'logged in' : 'logged out'}`, async ({ page, server }) => {
      // The libSQL server renders what the session server does; two strategies are enough here.
      test.skip(server === 'libsql', 'same pages as the session run');
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme });
      let postId = 1; // logged out, every post page redirects to /login anyway
      if (loggedIn) {
        await page.goto('/login');
        await logIn(page, DEMO_USER.email, DEMO_USER.password);
        await expect(page).toHaveURL('/feed');
        await expect(page.getByRole('article').first()).toBeVisible(); // the feed streams in after its skeleton
        postId = firstPostId(await page.content());
      }
      const found: Found[] = [];
      const checked = new Set<string>();
      for (const { path } of samplePages({ postId })) {
        await test.step(path, async () => {
          await page.goto(path);
          const landed = new URL(page.url()).pathname;
          if (checked.has(landed)) return;
          checked.add(landed);
          found.push(...(await violations(page, path)));
        });
      }
      expect(checked.size).toBeGreaterThan(0);
      expect(found.map((f) => `${f.landed}: ${f.rule} (${f.nodes.length})`), `axe violations (${colorScheme}, ${loggedIn ? 'logged in' : 'logged out'}):\n\n${describe(found)}`).toEqual([]);
    });
  }
}
