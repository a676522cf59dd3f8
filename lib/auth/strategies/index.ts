import 'server-only';
import { type AuthStrategy, getConfig } from '@/lib/config';
import type { CookieSpec } from '../cookies';
import type { TokenUser } from './jwt-token';
import { jwtStrategy } from './jwt';
import { sessionStrategy } from './session';

/** The person a request acts for, once the data access layer has checked its cookie. */
export type Viewer = Readonly<{ id: number; username: string }>;

/** A checked login, whichever strategy made it. Times are milliseconds since the epoch. */
export type Session = Readonly<{
  strategy: AuthStrategy;
  viewer: Viewer;
  /** JWT: the token's `jti`. Session: the row id, SHA-256 of the cookie's token. */
  id: string;
  createdAt: number;
  expiresAt: number;
  /** Session strategy only: the end of the session however often it is renewed. */
  absoluteExpiresAt?: number;
  lastSeenAt?: number;
}>;

/**
 * One way of keeping a login, read top to bottom in its own file: what goes into the cookie
 * (issue), the full check of a cookie with the database (authenticate), logout (revoke) and
 * "log out of all devices" (revokeAll).
 */
export interface Strategy {
  readonly name: AuthStrategy;
  readonly cookie: CookieSpec;
  /** The cookie value for a new login. `previous`: this browser's old cookie, which it replaces. */
  issue(user: TokenUser, context: { userAgent: string; previous: string | undefined }): Promise<string>;
  authenticate(cookieValue: string | undefined, now: number): Promise<Session | null>;
  revoke(session: Session): Promise<void>;
  revokeAll(userId: number): Promise<void>;
}

export const STRATEGIES: Readonly<Record<AuthStrategy, Strategy>> = { jwt: jwtStrategy, session: sessionStrategy };

/** The strategy AUTH_STRATEGY names. */
export const activeStrategy = (): Strategy => STRATEGIES[getConfig().authStrategy];
