import { Link } from '@/components/ui/link';

/** What a used, replaced or stale mailed link opens: says so, and offers a new one. */
export function LinkProblem({ message, retry }: { message: string; retry: { label: string; href: string } }) {
  return (
    <div className="flex flex-col gap-4 text-center">
      <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm dark:border-amber-900 dark:bg-amber-950">
        {message}
      </p>
      <Link
        href={retry.href}
        className="rounded-lg bg-brand px-4 py-2.5 font-semibold text-white transition hover:bg-brand-strong"
      >
        {retry.label}
      </Link>
    </div>
  );
}
