import { Link } from '@/components/ui/link';
import { ROUTES } from '@/lib/routes';

function CookieMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className="size-7">
      <circle cx="16" cy="16" r="14" fill="#d97706" />
      <circle cx="16" cy="16" r="14" fill="none" stroke="#92400e" strokeWidth="2" />
      {[
        [11, 10],
        [20, 9],
        [9, 19],
        [17, 17],
        [22, 22],
        [14, 24],
      ].map(([cx, cy]) => (
        <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="2.2" fill="#451a03" />
      ))}
    </svg>
  );
}

/** `compact`: on a phone only the mark shows (the name stays for screen readers), leaving room for the search box. */
export function Logo({ href = ROUTES.home, compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md text-xl font-semibold tracking-tight">
      <CookieMark />
      <span className={compact ? 'max-sm:sr-only' : undefined}>
        <span className="bg-gradient-to-r from-orange-600 via-amber-600 to-pink-600 bg-clip-text text-transparent">Cookiegram</span>
      </span>
    </Link>
  );
}
