import { AUTH_COOKIES, describeCookieAttributes } from '@/lib/auth/cookies';
import { TOKEN_TTL_SECONDS } from '@/lib/auth/strategies/jwt-token';
import { SESSION_ABSOLUTE_TTL_MS, SESSION_TTL_MS } from '@/lib/auth/strategies/session-token';
import type { AuthStrategy } from '@/lib/config';
import { formatDuration } from '@/lib/duration';

type Step = { title: string; detail: string };

const FLOWS: Record<AuthStrategy, { title: string; subtitle: string; steps: Step[] }> = {
  jwt: {
    title: 'JWT in a cookie',
    subtitle: 'stateless',
    steps: [
      { title: 'Register or log in', detail: 'You send username, email and password over HTTPS.' },
      {
        title: 'Server signs a token',
        detail: `bcrypt checks the password; the server signs {sub, username, jti, exp: ${formatDuration(TOKEN_TTL_SECONDS * 1000)}} with its secret (HS256).`,
      },
      { title: `Set-Cookie: ${AUTH_COOKIES.jwt.name}=…`, detail: `${describeCookieAttributes(AUTH_COOKIES.jwt)}. The browser stores it.` },
      { title: 'Next request', detail: `The browser attaches Cookie: ${AUTH_COOKIES.jwt.name}=… to every same-site request by itself.` },
      { title: 'Server verifies', detail: 'Signature and expiry, with no lookup (the proxy); then jti not revoked and epoch current (one indexed query).' },
      { title: 'Log out', detail: 'The jti is revoked until the token would expire, and the cookie is cleared (Expires 1970).' },
    ],
  },
  session: {
    title: 'Session ID in a cookie',
    subtitle: 'stateful',
    steps: [
      { title: 'Register or log in', detail: 'You send username, email and password over HTTPS.' },
      { title: 'Server creates a session', detail: 'bcrypt checks the password; a random 256-bit token is made and its SHA-256 stored with your user and an expiry.' },
      {
        title: `Set-Cookie: ${AUTH_COOKIES.session.name}=…`,
        detail: `${describeCookieAttributes(AUTH_COOKIES.session)} (${formatDuration(SESSION_TTL_MS)}). Only the cookie holds the raw token.`,
      },
      { title: 'Next request', detail: `The browser attaches Cookie: ${AUTH_COOKIES.session.name}=… to every same-site request by itself.` },
      {
        title: 'Server looks it up',
        detail: `The token is hashed and the row looked up; expired rows are refused, used ones slide to a full ${formatDuration(SESSION_TTL_MS)}, and none lives past ${formatDuration(SESSION_ABSOLUTE_TTL_MS)}.`,
      },
      { title: 'Log out', detail: 'The row is deleted — revocation is immediate — and the cookie is cleared.' },
    ],
  },
};

/** The two flows side by side; the active one highlighted, with the visitor's current step. */
export function FlowDiagram({ active, currentStep }: { active: AuthStrategy; currentStep: number }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(Object.keys(FLOWS) as AuthStrategy[]).map((strategy) => {
        const flow = FLOWS[strategy];
        const isActive = strategy === active;
        return (
          <section
            key={strategy}
            aria-labelledby={`flow-${strategy}`}
            className={`rounded-xl border p-4 ${isActive ? 'border-brand bg-orange-50/60 dark:border-orange-500 dark:bg-orange-950/30' : 'border-neutral-200 bg-white opacity-80 dark:border-neutral-800 dark:bg-neutral-950'}`}
          >
            <h3 id={`flow-${strategy}`} className="font-semibold">
              {flow.title} <span className="font-normal text-neutral-600 dark:text-neutral-400">({flow.subtitle})</span>
              {isActive ? (
                <span className="ml-2 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-white">active here</span>
              ) : null}
            </h3>
            <ol className="mt-3 flex flex-col gap-2">
              {flow.steps.map((step, i) => {
                const here = isActive && i + 1 === currentStep;
                return (
                  <li
                    key={step.title}
                    aria-current={here ? 'step' : undefined}
                    className={`relative rounded-lg border p-3 text-sm ${here ? 'border-brand ring-2 ring-brand dark:border-orange-400 dark:ring-orange-400' : 'border-neutral-200 dark:border-neutral-800'}`}
                  >
                    <p className="font-semibold">
                      {i + 1}. {step.title}
                      {here ? <span className="ml-2 text-xs font-semibold text-brand dark:text-orange-400">◀ you are here</span> : null}
                    </p>
                    <p className="text-neutral-600 dark:text-neutral-400">{step.detail}</p>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
