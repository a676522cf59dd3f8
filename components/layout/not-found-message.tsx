import { Link } from '@/components/ui/link';
import { ROUTES } from '@/lib/routes';

/** What the 404 page says, inside whichever layout's <main> it is shown. */
export function NotFoundMessage() {
  return (
    <div className="flex flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-neutral-600 dark:text-neutral-400">The link may be broken, or the page may have moved.</p>
      <Link href={ROUTES.home} className="font-semibold text-brand underline-offset-4 hover:underline dark:text-orange-400">
        Back to the feed
      </Link>
    </div>
  );
}
