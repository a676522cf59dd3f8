import type { Metadata } from 'next';
import { ChangeEmailForm } from '@/components/settings/change-email-form';
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { DownloadData } from '@/components/settings/download-data';
import { getMyEmailStatus } from '@/lib/account/verification';
import { verifySession } from '@/lib/auth/dal';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountSettingsPage() {
  await verifySession();
  const status = await getMyEmailStatus();
  return (
    <div className="flex flex-col gap-6 px-4 sm:px-0">
      <h1 className="text-xl font-semibold">Account</h1>
      {status && <ChangeEmailForm email={status.email} />}
      <DownloadData />
      <DeleteAccountForm />
    </div>
  );
}
