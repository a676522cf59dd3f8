import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/dal';
import { PROFILE_SETTINGS } from '@/lib/routes';

/** /settings opens the menu's first page. */
export default async function SettingsPage() {
  await verifySession();
  redirect(PROFILE_SETTINGS);
}
