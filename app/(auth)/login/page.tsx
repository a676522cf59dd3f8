import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { LoginForm } from '@/components/auth/login-form';
import { ACCOUNT_DELETED_REASON } from '@/lib/account/validation';
import { safeNextPath } from '@/lib/auth/redirect';
import { getConfig } from '@/lib/config';
import { DEMO_PASSWORD, demoUsers } from '@/lib/db/demo-content';
import { ROUTES } from '@/lib/routes';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const sessionEnded = params.reason === 'session-ended';
  const accountDeleted = params.reason === ACCOUNT_DELETED_REASON;
  const demoEmail = getConfig().demoData ? demoUsers[0]?.email : undefined;
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Log in to see photos from your friends</h1>
      {sessionEnded ? (
        <p role="status" className="mb-4 rounded-lg border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm dark:border-neutral-800 dark:bg-neutral-900">
          Your session has ended (logged out or revoked). Please log in again.
        </p>
      ) : null}
      {accountDeleted ? (
        <p role="status" className="mb-4 rounded-lg border border-neutral-200 bg-neutral-50 px-3 py-2 text-sm dark:border-neutral-800 dark:bg-neutral-900">
          Your account has been deleted, with everything in it. You can sign up again at any time.
        </p>
      ) : null}
      <LoginForm next={next === ROUTES.home ? undefined : next} />
      {demoEmail ? (
        <aside
          aria-label="Demo account"
          className="mt-6 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm dark:border-amber-900 dark:bg-amber-950"
        >
          <p className="font-semibold">Just looking around?</p>
          <p>
            Log in with <code className="font-mono">{demoEmail}</code> and password{' '}
            <code className="font-mono">{DEMO_PASSWORD}</code>.
          </p>
        </aside>
      ) : null}
      <p className="mt-6 text-center text-sm">
        New here?{' '}
        <Link href={ROUTES.register} className="font-semibold text-brand hover:underline dark:text-orange-400">
          Create an account
        </Link>
      </p>
    </>
  );
}
