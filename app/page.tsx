import { redirect } from 'next/navigation';
import { HOME_PATH } from '@/lib/auth/redirect';

// The feed is home; the proxy sends visitors without a session on to /login.
export default function IndexPage() {
  redirect(HOME_PATH);
}
