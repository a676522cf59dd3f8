import type { Metadata } from 'next';
import { RelativeTime } from '@/components/feed/relative-time';
import { logoutEverywhere, revokeSession } from '@/lib/auth/actions';
import { getSession, verifySession } from '@/lib/auth/dal';
import { getMySessions } from '@/lib/auth/sessions';
import { describeUserAgent } from '@/lib/auth/user-agent';
import { requestTime } from '@/lib/request-time';

export const metadata: Metadata = { title: 'Sessions' };

const shortId = (id: string) => `${id.slice(0, 8)}…`;
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function SessionsPage() {
  await verifySession();
  const current = await getSession();
  const now = requestTime();
  const sessions = await getMySessions(now);

  return (
    <div className="flex flex-col gap-6 px-4 sm:px-0">
      <h1 className="text-xl font-semibold">Where you&apos;re logged in</h1>

      {current?.strategy === 'session' ? (
        <section aria-labelledby="active-sessions" className="flex flex-col gap-3">
          <h2 id="active-sessions" className="text-sm font-semibold text-neutral-500 uppercase dark:text-neutral-400">
            Active sessions ({sessions.length})
          </h2>
          <ul className="flex flex-col divide-y divide-neutral-200 rounded-xl border border-neutral-200 bg-white dark:divide-neutral-800 dark:border-neutral-800 dark:bg-neutral-950">
            {sessions.map((s) => {
              const isCurrent = s.id === current.id;
              const labelId = `session-${s.id.slice(0, 12)}`;
              return (
                <li key={s.id} aria-labelledby={labelId} className="flex items-center justify-between gap-3 p-4">
                  <div className="min-w-0">
                    <p id={labelId} className="font-medium">
                      {describeUserAgent(s.userAgent)}
                      {isCurrent ? (
                        <span className="ml-2 inline-block whitespace-nowrap rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800 dark:bg-green-950 dark:text-green-300">
                          This device
                        </span>
                      ) : null}
                    </p>
                    <p className="text-sm text-neutral-600 dark:text-neutral-400">
                      Signed in <RelativeTime timestamp={s.createdAt} now={now} /> · last seen{' '}
                      <RelativeTime timestamp={s.lastSeenAt ?? s.createdAt} now={now} /> · id <code className="font-mono">{shortId(s.id)}</code>
                    </p>
                    {s.absoluteExpiresAt ? (
                      <p className="text-sm text-neutral-600 dark:text-neutral-400">
                        Ends by {dateTime.format(s.absoluteExpiresAt)} at the latest, however often it is used: then log in again.
                      </p>
                    ) : null}
                  </div>
                  <form action={revokeSession}>
                    <input type="hidden" name="sessionId" value={s.id} />
                    <button
                      type="submit"
                      className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-400 dark:hover:bg-red-950"
                    >
                      Revoke
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : (
        <section className="rounded-xl border border-neutral-200 bg-white p-4 text-sm dark:border-neutral-800 dark:bg-neutral-950">
          <p>
            This server uses <strong>JWT</strong> sessions: each device holds its own signed token and the server keeps no
            list of them, so there is nothing to show here one by one. Logging out revokes that device&apos;s token; the
            button below makes every token issued so far invalid.
          </p>
        </section>
      )}

      <form action={logoutEverywhere} className="flex flex-col gap-2">
        <button
          type="submit"
          className="self-start rounded-lg bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-700"
        >
          Log out of all devices
        </button>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">Including this one: you will need to log in again.</p>
      </form>
    </div>
  );
}
