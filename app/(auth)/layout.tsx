import { Logo } from '@/components/layout/logo';
import { ROUTES } from '@/lib/routes';

export default function AuthLayout({ children }: LayoutProps<'/'>) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="rounded-2xl border border-neutral-200 bg-white p-8 shadow-sm dark:border-neutral-800 dark:bg-neutral-950">
          <div className="mb-6 flex justify-center">
            <Logo href={ROUTES.login} />
          </div>
          {children}
        </div>
      </div>
    </main>
  );
}
