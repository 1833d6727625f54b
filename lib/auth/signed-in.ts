/** The signed-in user behind a request, as both the routes and proxy.ts check it. */
import 'server-only';
import { readSessionToken } from './request-guard';
import type { Role } from '@/lib/shared/roles';
import { endSessionsOf, touchSession, type SignInSession } from './sessions';
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
