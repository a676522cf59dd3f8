// Every path the app links to or redirects to, and which of them need a login. The proxy's
// fast check and the README's route table follow PROTECTED_PREFIXES (routes.test.ts keeps the
// README, this file and the app/ folder in step). Web APIs only: the proxy imports it.

export const ROUTES = {
  home: '/feed',
  login: '/login',
  register: '/register',
  howItWorks: '/how-it-works',
  sessions: '/settings/sessions',
  profileSettings: '/settings/profile',
  newPost: '/new',
  explore: '/explore',
  search: '/search',
  notifications: '/notifications',
  /** Where a request whose cookie no longer holds is sent: the dead cookie is cleared there. */
  sessionEnded: '/session-ended',
  /** Where a page is sent when the database does not answer: a 503 until it does. */
  unavailable: '/unavailable',
} as const;

/** Pages for visitors: someone logged in is sent on to the feed. */
export const AUTH_PAGES: readonly string[] = [ROUTES.login, ROUTES.register];

/** Paths (and everything under them) that need a login: pages redirect to it, APIs answer 401. */
// The social pages too: profiles, lists and comments are for members (the safer default; nothing
// of a user is shown to someone who has not signed up).
const PROTECTED_PREFIXES: readonly string[] = [
  '/feed',
  '/new',
  '/p',
  '/u',
  '/explore',
  '/search',
  '/notifications',
  '/settings',
  '/api/posts',
  '/api/users',
  '/api/explore',
  '/api/comments',
];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export const isProtectedPath = (path: string) => PROTECTED_PREFIXES.some((prefix) => under(path, prefix));

export const isApiPath = (path: string) => under(path, '/api');

/** Where the app serves uploaded images itself, /media/<key> (when no MEDIA_PUBLIC_URL is set). */
export const MEDIA_PATH = '/media';

/** A person's profile. Usernames are [a-z0-9_.] (lib/users), so they need no escaping. */
export const profilePath = (username: string) => `/u/${username}`;

/** Explore's page of one #tag (stored lower-case, lib/text/entities.ts). */
export const tagPath = (tag: string) => `/explore/tags/${encodeURIComponent(tag)}`;

/** The people who follow `username`, and the people `username` follows. */
export const followersPath = (username: string) => `${profilePath(username)}/followers`;
export const followingPath = (username: string) => `${profilePath(username)}/following`;

/** A post's own page. */
export const postPath = (id: number) => `/p/${id}`;

/** The login page, sent back to `next` afterwards (a path of this site; see safeNextPath). */
export function loginPath(next?: string): string {
  return next ? `${ROUTES.login}?${new URLSearchParams({ next })}` : ROUTES.login;
}
