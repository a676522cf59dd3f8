import type { Metadata } from 'next';
import { LinkProblem } from '@/components/auth/link-problem';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { LINK_EXPIRED, LINK_INVALID } from '@/lib/account/messages';
import { resetLinkOwner } from '@/lib/account/password-reset';
import { ROUTES } from '@/lib/routes';

// The token is in this page's URL: no Referer for anything it loads (next.config.mjs says the same in a header).
export const metadata: Metadata = { title: 'Reset password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ searchParams }: PageProps<'/reset-password'>) {
  const { token } = await searchParams;
  const owner = typeof token === 'string' ? await resetLinkOwner(token) : null;
  const expired = owner?.ok === false && owner.reason === 'expired';
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Choose a new password</h1>
      {owner?.ok && typeof token === 'string' ? (
        <ResetPasswordForm token={token} userInputs={[owner.username, owner.email]} />
      ) : (
        <LinkProblem
          message={`${expired ? LINK_EXPIRED : LINK_INVALID} Reset links work once, for 30 minutes.`}
          retry={{ label: 'Send a new link', href: ROUTES.forgotPassword }}
        />
      )}
    </>
  );
}
