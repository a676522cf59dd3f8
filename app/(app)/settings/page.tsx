import { redirect } from 'next/navigation';
import { verifySession } from '@/lib/auth/dal';
import { ROUTES } from '@/lib/routes';

/** /settings opens the menu's first page. */
export default async function SettingsPage() {
  await verifySession();
  redirect(ROUTES.profileSettings);
}
