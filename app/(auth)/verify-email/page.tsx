import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkProblem } from '@/components/auth/link-problem';
import { EMAIL_CONFIRMED, LINK_EXPIRED, LINK_INVALID } from '@/lib/account/messages';
import { confirmEmail } from '@/lib/account/verification';
import { ROUTES } from '@/lib/routes';

// The token is in this page's URL: no Referer for anything it loads (next.config.mjs says the same in a header).
export const metadata: Metadata = { title: 'Confirm your email', referrer: 'no-referrer' };

/** Opening the mailed link confirms the address (the link is single-use; a second visit says so). */
export default async function VerifyEmailPage({ searchParams }: PageProps<'/verify-email'>) {
  const { token } = await searchParams;
  const result = typeof token === 'string' ? await confirmEmail(token) : ({ ok: false, reason: 'invalid' } as const);
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Confirm your email</h1>
      {result.ok ? (
        <div className="flex flex-col gap-4 text-center">
          <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
            {EMAIL_CONFIRMED}
          </p>
          <Link href={ROUTES.home} className="rounded-lg bg-brand px-4 py-2.5 font-semibold text-white transition hover:bg-brand-strong">
            Go to your feed
          </Link>
        </div>
      ) : (
        <LinkProblem
          message={`${result.reason === 'expired' ? LINK_EXPIRED : LINK_INVALID} Confirmation links work once, for 24 hours; log in and use "Resend" in the banner for a new one.`}
          retry={{ label: 'Log in', href: ROUTES.home }}
        />
      )}
    </>
  );
}
