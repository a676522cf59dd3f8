import { TopBar } from '@/components/layout/top-bar';
import { verifySession } from '@/lib/auth/dal';

export default async function AppLayout({ children, modal }: LayoutProps<'/'>) {
  const user = await verifySession();
  return (
    <>
      <TopBar user={user} />
      <main className="mx-auto max-w-[470px] px-0 py-4 sm:px-4 sm:py-6">{children}</main>
      {/* A post opened over the page (app/(app)/@modal); nothing otherwise. */}
      {modal}
    </>
  );
}
