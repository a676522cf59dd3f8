// Every page of the app (testing/app-routes.ts reads app/), with its dynamic segments filled with
// demo data that exists, so a page renders as people see it rather than as a 404. The browser
// budgets (npm run bench:browser) and the accessibility suite (e2e/a11y.spec.ts) walk this list:
// a new page joins both the day it is added, and a new kind of segment is one line in SAMPLES.
import { isProtectedPath } from '@/lib/routes';
import { appRoutes } from './app-routes';

/** What only the running server knows: the id of a post it has (the first of the feed). */
export type SampleData = { postId: number };

/** The demo account (lib/db/demo-content.ts), whose page and posts every fresh database has. */
export const DEMO_USER = { username: 'demo', email: 'demo@example.com', password: 'cookies-and-cream' };

/** A value for each dynamic segment, from the demo data. */
const SAMPLES: Record<string, (data: SampleData) => string> = {
  '[id]': (data) => String(data.postId),
  '[username]': () => DEMO_USER.username,
  '[tag]': () => 'cookiegram', // three demo captions carry #cookiegram
};

export type SamplePage = {
  /** As written in app/ ("/p/[id]"). */
  pattern: string;
  /** A URL that reaches it, with demo data ("/p/30"). */
  path: string;
  /** Whether it needs a login (lib/routes.ts), so a visitor would be sent to /login. */
  protected: boolean;
};

/** Every page in app/, its segments filled; throws naming a segment SAMPLES has no value for. */
export function samplePages(data: SampleData): SamplePage[] {
  return appRoutes()
    .filter((r) => r.kind === 'page')
    .map(({ pattern }) => {
      const path = pattern.replace(/\[[^\]]+\]/g, (segment) => {
        const sample = SAMPLES[segment];
        if (sample === undefined) throw new Error(`${pattern}: add a sample value for ${segment} to SAMPLES in testing/sample-pages.ts`);
        return sample(data);
      });
      return { pattern, path, protected: isProtectedPath(path) };
    });
}

/** The first post the feed's HTML links to: a post every fresh demo database has. */
export function firstPostId(feedHtml: string): number {
  const id = /href="\/p\/(\d+)"/.exec(feedHtml)?.[1];
  if (id === undefined) throw new Error('the feed links to no post: is the demo data there (DEMO_DATA=on)?');
  return Number(id);
}
