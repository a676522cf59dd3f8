import { Link } from '@/components/ui/link';
import { Suspense } from 'react';
import { NotificationsLink } from '@/components/notifications/notifications-link';
import { UnreadNotificationsLink } from '@/components/notifications/unread-notifications-link';
import { logout } from '@/lib/auth/actions';
import type { Viewer } from '@/lib/auth/dal';
import { Avatar } from '@/components/users/avatar';
import { ROUTES, profilePath } from '@/lib/routes';
import { Logo } from './logo';

const linkClass =
  'flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-lg px-1 py-1.5 text-sm font-medium hover:bg-neutral-100 sm:px-2 dark:hover:bg-neutral-900';

function InfoIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <circle cx="12" cy="12" r="9" />
      <path strokeLinecap="round" d="M12 11v6M12 7.5v.5" />
    </svg>
  );
}

function PlusIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <rect x="3" y="3" width="18" height="18" rx="5" />
      <path strokeLinecap="round" d="M12 8v8M8 12h8" />
    </svg>
  );
}

function CompassIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <circle cx="12" cy="12" r="9" />
      <path strokeLinejoin="round" d="m15.5 8.5-2 5-5 2 2-5z" />
    </svg>
  );
}

/** Submits to /search?q= with no script; the page does the rest. */
function SearchBox() {
  return (
    <form role="search" action={ROUTES.search} className="w-24 shrink-0 sm:w-40">
      <input
        type="search"
        name="q"
        aria-label="Search"
        placeholder="Search"
        maxLength={100}
        className="w-full min-w-0 rounded-lg border border-neutral-300 bg-neutral-50 px-2.5 py-1.5 text-sm dark:border-neutral-700 dark:bg-neutral-900"
      />
    </form>
  );
}

/** On a phone the button is this icon alone (its name stays for screen readers). */
function LogoutIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0 sm:hidden" fill="none" stroke="currentColor" strokeWidth={2}>
      <path strokeLinecap="round" strokeLinejoin="round" d="M15 4h3a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-3M10 8l-4 4 4 4M6 12h10" />
    </svg>
  );
}

function DevicesIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2}>
      <rect x="3" y="4" width="14" height="10" rx="1.5" />
      <rect x="15" y="9" width="6" height="11" rx="1.5" />
      <path strokeLinecap="round" d="M6 18h7" />
    </svg>
  );
}

/** Logo, the auth inspector, and the user menu (or a login link for visitors). */
export function TopBar({ user }: { user: Viewer | null }) {
  return (
    <header className="sticky top-0 z-10 border-b border-neutral-200 bg-white/90 backdrop-blur dark:border-neutral-800 dark:bg-black/90">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-[630px] items-center justify-between gap-2 px-2 sm:px-4 md:max-w-[935px]">
        <Logo href={user ? ROUTES.home : ROUTES.login} compact={Boolean(user)} />
        {user ? <SearchBox /> : null}
        <div className="flex items-center gap-0.5 sm:gap-2">
          <Link href={ROUTES.howItWorks} className={linkClass} title="How it works">
            <InfoIcon />
            {/* Logged in, the bar is full: icons, with names for screen readers and on hover. */}
            <span className={user ? 'sr-only' : 'sr-only md:not-sr-only'}>How it works</span>
          </Link>
          {user ? (
            <>
              <Link href={ROUTES.explore} className={linkClass} title="Explore">
                <CompassIcon />
                <span className="sr-only lg:not-sr-only">Explore</span>
              </Link>
              <Link href={ROUTES.newPost} className={linkClass} title="New post">
                <PlusIcon />
                <span className="sr-only lg:not-sr-only">New post</span>
              </Link>
              {/* The count streams in after the page: it never holds the page up. */}
              <Suspense fallback={<NotificationsLink unread={0} className={linkClass} />}>
                <UnreadNotificationsLink className={linkClass} />
              </Suspense>
              <Link href={ROUTES.sessions} className={linkClass} title="Sessions">
                <DevicesIcon />
                <span className="sr-only">Sessions</span>
              </Link>
              <Link href={profilePath(user.username)} className={linkClass} title={`Logged in as ${user.username}`}>
                <Avatar username={user.username} src={null} size={28} />
                <span className="sr-only">{user.username}</span>
              </Link>
              <form action={logout}>
                <button
                  type="submit"
                  title="Log out"
                  className="flex shrink-0 items-center rounded-lg border border-neutral-300 px-1.5 py-1.5 text-sm font-semibold whitespace-nowrap sm:px-3 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
                >
                  <LogoutIcon />
                  <span className="max-sm:sr-only">Log out</span>
                </button>
              </form>
            </>
          ) : (
            <Link href={ROUTES.login} className="rounded-lg bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-strong">
              Log in
            </Link>
          )}
        </div>
      </nav>
    </header>
  );
}
