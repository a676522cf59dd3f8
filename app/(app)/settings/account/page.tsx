import type { Metadata } from 'next';
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { DownloadData } from '@/components/settings/download-data';
import { verifySession } from '@/lib/auth/dal';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountSettingsPage() {
  await verifySession();
  return (
    <div className="flex flex-col gap-6 px-4 sm:px-0">
      <h1 className="text-xl font-semibold">Account</h1>
      <DownloadData />
      <DeleteAccountForm />
    </div>
  );
}
