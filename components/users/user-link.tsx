import { Link } from '@/components/ui/link';
import type { ReactNode } from 'react';
import { profilePath } from '@/lib/routes';

type UserLinkProps = { username: string; className?: string; id?: string; children?: ReactNode };

/** Every username the app shows links to that person's profile (/u/<username>). */
export function UserLink({ username, className = 'font-semibold hover:underline', id, children }: UserLinkProps) {
  return (
    <Link href={profilePath(username)} className={className} id={id}>
      {children ?? username}
    </Link>
  );
}
