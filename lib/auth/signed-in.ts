/** The signed-in user behind a request, as both the routes and proxy.ts check it. */
import 'server-only';
import { readSessionToken } from './request-guard';
import type { Role } from '@/lib/shared/roles';
import { endSessionsOf, sessionById, touchSession, type SignInSession } from './sessions';
import { findUser } from './users';

/**
 * The live sign-in session named by the request's cookie and its user's current role (re-read
 * from the users file); null without one. Throws when the users file cannot be read.
 */
export function signedInUser(headers: Headers): { session: SignInSession; role: Role } | null {
  const session = touchSession(readSessionToken(headers));
  if (!session || session.kind !== 'user') return null;
  const user = findUser(session.user);
  if (!user) {
    endSessionsOf(session.user); // removed from the users file since signing in
    return null;
  }
  return { session, role: user.role };
}

/**
 * The role a sign-in session's user has now (re-read from the users file), without using the
 * session; null when it has ended or its user was removed (whose sessions end here). For what
 * outlives a request, such as an event stream.
 */
export function currentRole(sessionId: string): Role | null {
  const session = sessionById(sessionId);
  if (!session) return null;
  if (session.kind === 'local') return 'admin'; // a local-mode browser is the local admin
  const user = findUser(session.user);
  if (!user) endSessionsOf(session.user);
  return user?.role ?? null;
}
