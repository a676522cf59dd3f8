import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnreachable } from '@/lib/db/errors';
import { DATABASE_UNAVAILABLE, UNAVAILABLE_RETRY_SECONDS } from '@/lib/db/unavailable';
import { redirectTo } from '@/lib/http/redirect';
import { ROUTES } from '@/lib/routes';

// No layout, no scripts, no style sheet to fetch: it must render whatever else is down.
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Cookiegram is unavailable</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:4rem auto;padding:0 1rem}a{color:#c2410c}@media (prefers-color-scheme:dark){a{color:#fb923c}}</style></head>
<body>
<main>
<h1>The database is unavailable</h1>
<p>${DATABASE_UNAVAILABLE}</p>
<p><a href="${ROUTES.unavailable}">Try again</a></p>
</main>
</body>
</html>
`;

/**
 * Pages send people here when the database does not answer: a 503 while that lasts; once it
 * answers, on to the feed. Asking the database each time is what makes "Try again" honest.
 */
export async function GET() {
  try {
    await getDb().run(sql`select 1`);
  } catch (err) {
    if (!isDatabaseUnreachable(err)) throw err;
    return new Response(PAGE, {
      status: 503,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Retry-After': String(UNAVAILABLE_RETRY_SECONDS),
      },
    });
  }
  return redirectTo(ROUTES.home);
}
