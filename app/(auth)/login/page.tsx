import type { Metadata } from 'next';
import Link from 'next/link';
import { LoginForm } from '@/components/auth/login-form';
import { HOME_PATH, safeNextPath } from '@/lib/auth/redirect';
import { getConfig } from '@/lib/config';
import { DEMO_PASSWORD, demoUsers } from '@/lib/db/demo-content';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const next = safeNextPath((await searchParams).next);
  const demoEmail = getConfig().demoData ? demoUsers[0]?.email : undefined;
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Log in to see photos from your friends</h1>
      <LoginForm next={next === HOME_PATH ? undefined : next} />
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
        <Link href="/register" className="font-semibold text-brand hover:underline dark:text-orange-400">
          Create an account
        </Link>
      </p>
    </>
  );
}
