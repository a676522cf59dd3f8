import { VerifyEmailBanner } from '@/components/account/verify-email-banner';
import { TopBar } from '@/components/layout/top-bar';
import { getMyEmailStatus } from '@/lib/account/verification';
import { verifySession } from '@/lib/auth/dal';

export default async function AppLayout({ children }: LayoutProps<'/'>) {
  const user = await verifySession();
  const email = await getMyEmailStatus();
  return (
    <>
      <TopBar user={user} />
      {email && !email.verified ? <VerifyEmailBanner email={email.email} /> : null}
      <main className="mx-auto max-w-[470px] px-0 py-4 sm:px-4 sm:py-6">{children}</main>
    </>
  );
}
