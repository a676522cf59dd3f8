// Every route of the app, read from the app/ folder: pages (page.tsx) and route handlers
// (route.ts), with dynamic segments filled in. Tests that must cover every route walk this list,
// so a new route is covered the day it is added.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** path: a URL that reaches the route; pattern: as written in app/ ("/api/posts/[id]/like"). */
type AppRoute = { path: string; pattern: string; kind: 'page' | 'api' };

const APP = join(process.cwd(), 'app');
const SAMPLE_SEGMENT: Record<string, string> = { '[id]': '999999', '[username]': 'demo', '[tag]': 'cookiegram' };

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of walk(APP)) {
    const match = /(?:^|\/)(page|route)\.tsx?$/.exec(relative(APP, file).split(sep).join('/'));
    if (!match) continue;
    const segments = relative(APP, file).split(sep).slice(0, -1);
    // Route groups "(app)" and parallel slots "@modal" are not part of the URL; "(.)x" intercepts x.
    if (segments.some((s) => s.startsWith('@') || s.startsWith('(.'))) continue;
    const urlSegments = segments.filter((s) => !/^\(.*\)$/.test(s));
    const path = `/${urlSegments.map((s) => SAMPLE_SEGMENT[s] ?? s).join('/')}`;
    routes.push({ path, pattern: `/${urlSegments.join('/')}`, kind: match[1] === 'route' ? 'api' : 'page' });
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}
