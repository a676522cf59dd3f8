// The README's route table, the proxy's protected list and the app/ folder must agree: a new
// route that is in none of them, or a table that says "public" where the proxy guards, fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@/testing/app-routes';
import { AUTH_PAGES, ROUTES, isProtectedPath } from './routes';

function readmeRouteTable(): Map<string, 'public' | 'login'> {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const rows = new Map<string, 'public' | 'login'>();
  for (const [, route, access] of readme.matchAll(/^\s*\| `(\/[^`]*)` \| (public|login) \|/gm)) {
    if (route) rows.set(route, access as 'public' | 'login');
  }
  return rows;
}

describe('routes', () => {
  const table = readmeRouteTable();
  const routes = appRoutes();

  it('the README lists every route in app/, and nothing else', () => {
    expect([...table.keys()].sort()).toEqual(routes.map((r) => r.pattern).sort());
  });

  it.each(routes.map((r) => [r.pattern, r.path] as const))('%s: the README and the proxy agree on who may reach it', (pattern, path) => {
    expect(table.get(pattern)).toBe(isProtectedPath(path) ? 'login' : 'public');
  });

  it('every named path is a route of the app, and the auth pages are public', () => {
    const patterns = new Set(routes.map((r) => r.pattern));
    for (const path of Object.values(ROUTES)) expect(patterns).toContain(path);
    for (const path of AUTH_PAGES) expect(isProtectedPath(path)).toBe(false);
  });
});
