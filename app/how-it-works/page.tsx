import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { CookieProbe } from '@/components/how-it-works/cookie-probe';
import { ExpiryCountdown } from '@/components/how-it-works/expiry-countdown';
import { FlowDiagram } from '@/components/how-it-works/flow-diagram';
import { ResetFlow } from '@/components/how-it-works/reset-flow';
import { TopBar } from '@/components/layout/top-bar';
import { AUTH_COOKIES, describeCookieAttributes } from '@/lib/auth/cookies';
import { getSession } from '@/lib/auth/dal';
import { SESSION_TTL_MS } from '@/lib/auth/strategies/session-token';
import { getConfig } from '@/lib/config';
import { formatDuration } from '@/lib/duration';
import { requestTime } from '@/lib/request-time';
import { ROUTES } from '@/lib/routes';

export const metadata: Metadata = { title: 'How it works' };

const STEP_LOGGED_OUT = 1;
const STEP_VERIFIED = 5;

const card = 'rounded-xl border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950';
const dateTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="font-medium text-neutral-500 dark:text-neutral-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** The auth inspector: the visitor's own cookie and session, rendered on the server. */
export default async function HowItWorksPage() {
  const strategy = getConfig().authStrategy;
  const cookie = AUTH_COOKIES[strategy];
  const raw = (await cookies()).get(cookie.name)?.value;
  const current = await getSession();
  const now = requestTime();

  return (
    <>
      <TopBar user={current?.viewer ?? null} />
      <main className="mx-auto flex max-w-[860px] flex-col gap-6 px-4 py-6">
        <header className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold">How your login works</h1>
          <p className="text-neutral-600 dark:text-neutral-400">
            This server uses the <strong>{strategy === 'jwt' ? 'JWT' : 'session ID'}</strong> strategy (
            <code className="font-mono">AUTH_STRATEGY={strategy}</code>). Everything below is read from your own request,
            on the server: your cookie is <strong>HttpOnly</strong>, so the JavaScript on this page cannot read it.
          </p>
        </header>

        <section aria-labelledby="your-cookie" className={card}>
          <h2 id="your-cookie" className="mb-2 font-semibold">
            Your cookie
          </h2>
          <dl>
            <Row label="Name">
              <code className="font-mono">{cookie.name}</code>
            </Row>
            <Row label="Flags">
              <code className="font-mono">{describeCookieAttributes(cookie)}</code>
            </Row>
            <Row label="Sent by you">{raw ? 'yes, with this request' : 'no — your browser sent no such cookie'}</Row>
            <Row label="In JavaScript">
              <CookieProbe cookieName={cookie.name} />
            </Row>
          </dl>
        </section>

        {current?.strategy === 'jwt' && raw ? (
          <JwtDetails raw={raw} expiresAt={current.expiresAt} now={now} />
        ) : null}

        {current?.strategy === 'session' ? (
          <section aria-labelledby="your-session" className={card}>
            <h2 id="your-session" className="mb-2 font-semibold">
              Your session row
            </h2>
            <p className="mb-2 text-sm text-neutral-600 dark:text-neutral-400">
              The cookie holds a random token; the database keeps only its SHA-256, so a leaked table logs no one in.
            </p>
            <dl>
              <Row label="id (SHA-256)">
                <code className="font-mono">
                  {current.id.slice(0, 12)}…{current.id.slice(-4)}
                </code>
              </Row>
              <Row label="User">{current.viewer.username}</Row>
              <Row label="Created">{dateTime(current.createdAt)}</Row>
              <Row label="Last seen">{dateTime(current.lastSeenAt ?? current.createdAt)}</Row>
              <Row label="Expires">
                {dateTime(current.expiresAt)} (in{' '}
                <ExpiryCountdown expiresAt={current.expiresAt} remainingAtRender={current.expiresAt - now} />
                , renewed to {formatDuration(SESSION_TTL_MS)} when used with less than half left)
              </Row>
              {current.absoluteExpiresAt ? (
                <Row label="Ends by">{dateTime(current.absoluteExpiresAt)} at the latest, however often it is used</Row>
              ) : null}
            </dl>
          </section>
        ) : null}

        {!current ? (
          <section aria-labelledby="logged-out" className={card}>
            <h2 id="logged-out" className="mb-2 font-semibold">
              You are not logged in
            </h2>
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              {raw
                ? 'Your browser sent a cookie, but it did not pass the check (expired, logged out, revoked, or signed with another key), so the server treats you as a visitor.'
                : 'Your browser sent no auth cookie, so the server treats you as a visitor.'}{' '}
              <Link href={ROUTES.login} className="font-semibold text-brand underline-offset-4 hover:underline dark:text-orange-400">
                Log in
              </Link>{' '}
              or{' '}
              <Link href={ROUTES.register} className="font-semibold text-brand underline-offset-4 hover:underline dark:text-orange-400">
                sign up
              </Link>{' '}
              and come back to see your own cookie taken apart here.
            </p>
          </section>
        ) : null}

        <section aria-labelledby="flows" className="flex flex-col gap-3">
          <h2 id="flows" className="font-semibold">
            The two flows, side by side
          </h2>
          <FlowDiagram active={strategy} currentStep={current ? STEP_VERIFIED : STEP_LOGGED_OUT} />
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Trade-off: the JWT is checked without a lookup but can only be revoked by keeping a list of revoked ids; the
            session costs a lookup per request and is revoked by deleting its row. Passwords are stored as bcrypt hashes in
            both, and the login error never says whether the email or the password was wrong.
          </p>
        </section>

        <section aria-labelledby="reset-flow-heading" className="flex flex-col gap-3">
          <h2 id="reset-flow-heading" className="font-semibold">
            And when the password is forgotten
          </h2>
          <ResetFlow />
        </section>
      </main>
    </>
  );
}

/** The token split into its three parts, decoded, with a live countdown to `exp`. */
function JwtDetails({ raw, expiresAt, now }: { raw: string; expiresAt: number; now: number }) {
  const [header = '', payload = '', signature = ''] = raw.split('.');
  const claims = decodeJwt(raw);
  return (
    <section aria-labelledby="your-token" className={card}>
      <h2 id="your-token" className="mb-2 font-semibold">
        Your token, taken apart
      </h2>
      <p className="mb-3 font-mono text-xs break-all">
        <span className="text-pink-600 dark:text-pink-400">{header}</span>.
        <span className="text-violet-600 dark:text-violet-400">{payload}</span>.
        <span className="text-sky-700 dark:text-sky-400">{signature}</span>
      </p>
      {/* The decoded parts scroll sideways: focusable, so a keyboard can scroll them too. */}
      <div className="grid gap-3 md:grid-cols-3">
        <div>
          <h3 className="text-sm font-semibold text-pink-600 dark:text-pink-400">Header</h3>
          <pre tabIndex={0} className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">
            {JSON.stringify(decodeProtectedHeader(raw), null, 2)}
          </pre>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-violet-600 dark:text-violet-400">Payload (readable by anyone who has the token)</h3>
          <pre tabIndex={0} className="overflow-x-auto rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-900">{JSON.stringify(claims, null, 2)}</pre>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-sky-700 dark:text-sky-400">Signature</h3>
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            HMAC-SHA256 of header and payload with the server&apos;s secret. Change one character of either and the check
            fails.
          </p>
        </div>
      </div>
      <dl className="mt-3">
        <Row label="Issued (iat)">{claims.iat ? dateTime(claims.iat * 1000) : '—'}</Row>
        <Row label="Expires (exp)">
          {dateTime(expiresAt)} — in <ExpiryCountdown expiresAt={expiresAt} remainingAtRender={expiresAt - now} />
        </Row>
      </dl>
    </section>
  );
}
