import { redirect } from 'next/navigation';
import { ROUTES } from '@/lib/routes';

// The feed is home; the proxy sends visitors without a session on to /login.
export default function IndexPage() {
  redirect(ROUTES.home);
}
