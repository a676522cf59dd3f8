import { logout } from '@/lib/auth/actions';
import type { SessionUser } from '@/lib/auth/dal';
import { Logo } from './logo';

export function TopBar({ user }: { user: SessionUser }) {
  return (
    <header className="sticky top-0 z-10 border-b border-neutral-200 bg-white/90 backdrop-blur dark:border-neutral-800 dark:bg-black/90">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-[630px] items-center justify-between px-4">
        <Logo />
        <div className="flex items-center gap-3">
          <span className="flex items-center gap-2 text-sm font-medium">
            <span
              aria-hidden="true"
              className="flex size-8 items-center justify-center rounded-full bg-gradient-to-br from-amber-400 to-pink-600 font-semibold text-white uppercase"
            >
              {user.username.charAt(0)}
            </span>
            <span className="max-w-[10rem] truncate">{user.username}</span>
          </span>
          <form action={logout}>
            <button
              type="submit"
              className="rounded-lg border border-neutral-300 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
            >
              Log out
            </button>
          </form>
        </div>
      </nav>
    </header>
  );
}
