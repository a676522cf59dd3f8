import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { findAccount } from '@/lib/account/queries';
import { verifySession } from '@/lib/auth/dal';

export const metadata: Metadata = { title: 'Security' };

export default async function SecuritySettingsPage({ searchParams }: PageProps<'/settings/security'>) {
  const viewer = await verifySession();
  const account = await findAccount(viewer.id);
  const changed = (await searchParams).changed === '1';
  return (
    <div className="flex flex-col gap-6 px-4 sm:px-0">
      <h1 className="text-xl font-semibold">Security</h1>
      <section aria-labelledby="change-password" className="flex flex-col gap-3 rounded-xl border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-950">
        <h2 id="change-password" className="font-semibold">
          Change password
        </h2>
        {changed ? (
          <p role="status" className="rounded-lg border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-200">
            Your password was changed. Every other device was logged out; this one stays logged in.
          </p>
        ) : null}
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Changing it logs you out on every other device and browser, in case someone else knows the old one.
        </p>
        <ChangePasswordForm username={viewer.username} email={account?.email ?? ''} />
      </section>
    </div>
  );
}
