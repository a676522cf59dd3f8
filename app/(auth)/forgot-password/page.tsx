import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { ROUTES } from '@/lib/routes';

export const metadata: Metadata = { title: 'Forgot password' };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="mb-2 text-center text-lg font-semibold">Forgot your password?</h1>
      <p className="mb-6 text-center text-sm text-neutral-600 dark:text-neutral-400">
        Enter the email of your account and we&apos;ll send you a link to choose a new one.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm">
        <Link href={ROUTES.login} className="font-semibold text-brand hover:underline dark:text-orange-400">
          Back to log in
        </Link>
      </p>
    </>
  );
}
