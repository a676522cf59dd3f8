// The viewer's own logins, for /settings/sessions. Like every data function, each starts at the
// data access layer's door: no viewer, no data.
import 'server-only';
import { getConfig } from '@/lib/config';
import { requireViewer } from './dal';
import { type SessionListing, deleteUserSession, listUserSessions } from './strategies/session';

/** The viewer's live sessions, oldest first; empty under the JWT strategy, which keeps no list. */
export async function getMySessions(now = Date.now()): Promise<SessionListing[]> {
  const viewer = await requireViewer();
  return getConfig().authStrategy === 'session' ? listUserSessions(viewer.id, now) : [];
}

/** Ends one of the viewer's sessions; false when it is not theirs (or already gone). */
export async function revokeMySession(id: string): Promise<boolean> {
  const viewer = await requireViewer();
  return deleteUserSession(viewer.id, id);
}
