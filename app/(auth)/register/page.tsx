import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { RegisterForm } from '@/components/auth/register-form';
import { ROUTES } from '@/lib/routes';

export const metadata: Metadata = { title: 'Sign up' };

export default function RegisterPage() {
  return (
    <>
      <h1 className="mb-6 text-center text-lg font-semibold">Sign up to share and like photos</h1>
      <RegisterForm />
      <p className="mt-6 text-center text-sm">
        Have an account?{' '}
        <Link href={ROUTES.login} className="font-semibold text-brand hover:underline dark:text-orange-400">
          Log in
        </Link>
      </p>
    </>
  );
}
