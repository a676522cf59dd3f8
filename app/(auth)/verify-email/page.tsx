import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { LinkProblem } from '@/components/auth/link-problem';
import { type EmailChangeResult, confirmEmailChange } from '@/lib/account/change-email';
import { EMAIL_CHANGED, EMAIL_CHANGE_TAKEN, EMAIL_CONFIRMED, LINK_EXPIRED, LINK_INVALID } from '@/lib/account/messages';
import { confirmEmail } from '@/lib/account/verification';
import { sendAccountNotice } from '@/lib/mail/notices';
import { ROUTES } from '@/lib/routes';

// The token is in this page's URL: no Referer for anything it loads (next.config.mjs says the same in a header).
export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

type Outcome = { ok: true; message: string } | { ok: false; reason: 'invalid' | 'expired' | 'taken' };

/**
 * A link's token is of one kind: a confirmation after sign-up, or a change of email (a token
 * matches at most one row, so trying the kinds in turn uses at most one link).
 */
async function openLink(token: string): Promise<Outcome> {
  const confirmed = await confirmEmail(token);
  if (confirmed.ok) return { ok: true, message: EMAIL_CONFIRMED };
  if (confirmed.reason === 'expired') return confirmed;
  const changed: EmailChangeResult = await confirmEmailChange(token);
  if (!changed.ok) return changed;
  // The old address is told (after the answer): it no longer opens the account.
  await sendAccountNotice({ email: changed.oldEmail, username: changed.username }, 'email-changed');
  return { ok: true, message: EMAIL_CHANGED(changed.newEmail) };
}

const PROBLEM = { invalid: LINK_INVALID, expired: LINK_EXPIRED, taken: EMAIL_CHANGE_TAKEN } as const;

/** Opening the mailed link confirms the address, or switches to the new one (single use; a second visit says so). */
export default async function VerifyEmailPage({ searchParams }: PageProps<'/verify-email'>) {
  const { token } = await searchParams;
  const result = typeof token === 'string' ? await openLink(token) : ({ ok: false, reason: 'invalid' } as const);
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Confirm your email</h1>
      {result.ok ? (
        <div className="flex flex-col gap-4 text-center">
          <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
            {result.message}
          </p>
          <Link href={ROUTES.home} className="rounded-lg bg-brand px-4 py-2.5 font-semibold text-white transition hover:bg-brand-strong">
            Go to your feed
          </Link>
        </div>
      ) : (
        <LinkProblem
          message={
            result.reason === 'taken'
              ? PROBLEM.taken
              : `${PROBLEM[result.reason]} Links work once, for 24 hours; log in for a new one ("Resend" in the banner, or "Change email" in Settings → Account).`
          }
          retry={{ label: 'Log in', href: ROUTES.home }}
        />
      )}
    </>
  );
}
