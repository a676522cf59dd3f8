import { TOKEN_TTL_MS } from '@/lib/account/tokens';
import { formatDuration } from '@/lib/duration';
import { LIMITS } from '@/lib/security/limits';
import { ROUTES } from '@/lib/routes';

const RESET_STEPS = [
  {
    title: 'Forgot password?',
    detail: `You give an email at ${ROUTES.forgotPassword}. Every address gets the same words in the same time: the lookup and the mail run after the answer has gone, so nothing tells whether it has an account.`,
  },
  {
    title: 'Server makes a link',
    detail: `256 random bits; only their SHA-256 is stored, with the account and an expiry of ${formatDuration(TOKEN_TTL_MS['reset-password'])}. A newer link voids the older one; at most ${LIMITS.resetPerEmail.max} an hour per address and ${LIMITS.resetPerClient.max} per client.`,
  },
  {
    title: 'Mail to the address on file',
    detail: `The link ${ROUTES.resetPassword}?token=… goes only to the account's own address, with the time, browser and approximate address of the request.`,
  },
  {
    title: 'You open the link',
    detail: 'The page is served with Referrer-Policy: no-referrer, so the token never leaks to another site; it is looked up by its hash, never compared as a secret.',
  },
  {
    title: 'New password',
    detail: 'Checked as at sign-up (length, and guessability with the strength meter). One statement sets it only if the link is still good and uses the link up, so of two parallel resets exactly one wins.',
  },
  {
    title: 'Every device logged out',
    detail: 'The token epoch moves on (every JWT of the account stops working) and every session row is deleted; this browser is logged in afresh and a notice is mailed.',
  },
];

/** The password-reset flow, step by step, beside the two login flows. */
export function ResetFlow() {
  return (
    <section aria-labelledby="reset-flow" className="rounded-xl border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950">
      <h3 id="reset-flow" className="font-semibold">
        Forgot password <span className="font-normal text-neutral-600 dark:text-neutral-400">(a single-use link by mail)</span>
      </h3>
      <ol className="mt-3 grid gap-2 md:grid-cols-2">
        {RESET_STEPS.map((step, i) => (
          <li key={step.title} className="rounded-lg border border-neutral-200 p-3 text-sm dark:border-neutral-800">
            <p className="font-semibold">
              {i + 1}. {step.title}
            </p>
            <p className="text-neutral-600 dark:text-neutral-400">{step.detail}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
