/**
 * Who is behind a request: the signed-in user (or, in local mode, the local operator) and the
 * sign-in session they act in. Every route resolves this before reading its input.
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import type { SignInStatus } from '@/lib/shared/wire';
import { describeAccess, neededRole, roleAllows, type Access, type Role } from '@/lib/shared/roles';
import { authMode } from './exposure';
import { checkLaunchToken } from './launch-token';
import { checkCrossSite, checkLocalHost, readSessionToken, sessionCookie } from './request-guard';
import { createSession, sessionExpiresAt, sessionTimeouts, touchSession, type SignInSession } from './sessions';
import { signedInUser } from './signed-in';

export interface Operator {
  name: string;
  role: Role;
  /**
   * The sign-in session this request belongs to (in local mode, the browser's own session), which
   * holds the operator's ZooKeeper credentials; null for a local-mode browser that has none yet.
   */
  sessionId: string | null;
}

function refuse(failure: { code: 'FORBIDDEN'; message: string } | null): void {
  if (failure) throw new ZkError(failure.code, failure.message);
}

/** The signed-in user; a broken users file signs nobody in (its problem goes to the log only). */
function currentUser(headers: Headers): ReturnType<typeof signedInUser> {
  try {
    return signedInUser(headers);
  } catch (e) {
    console.error('[zooscope]', (e as Error).message);
    throw new ZkError('INTERNAL', 'The users file cannot be read; see the server log');
  }
}

/** Refuses cross-site requests and, in local mode, a non-loopback host name or a missing launch token. */
export function guardRequest(request: Request): void {
  if (authMode() === 'local') {
    refuse(checkLocalHost(request));
    // proxy.ts checks it too (and hands it out); here so that no route depends on the matcher.
    const token = checkLaunchToken(request);
    if (token.kind === 'refuse') throw new ZkError('UNAUTHENTICATED', token.message);
  }
  refuse(checkCrossSite(request));
}

/** The operator and the sign-in session behind a request (null: nobody is signed in). */
function resolve(request: Request): { who: Operator; session: SignInSession | null } | null {
  guardRequest(request);
  if (authMode() === 'local') {
    const session = touchSession(readSessionToken(request.headers));
    const own = session?.kind === 'local' ? session : null;
    return { who: { name: 'local', role: 'admin', sessionId: own?.id ?? null }, session: own };
  }
  const found = currentUser(request.headers);
  return found && { who: { name: found.session.user, role: found.role, sessionId: found.session.id }, session: found.session };
}

/** What `GET /api/v1/session` answers: the mode and who (if anyone) is signed in. */
export function signInStatus(request: Request): SignInStatus {
  const found = resolve(request);
  return {
    mode: authMode(),
    user: found ? { name: found.who.name, role: found.who.role } : null,
    expiresAt: found?.session ? sessionExpiresAt(found.session) : null,
  };
}

/**
 * Resolves the operator and enforces the access the route needs: 401 UNAUTHENTICATED without a
 * sign-in session (when a users file is configured), 403 FORBIDDEN when the role is not enough.
 */
export function authenticate(request: Request, access: Access): Operator {
  const who = resolve(request)?.who;
  if (!who) throw new ZkError('UNAUTHENTICATED', 'Sign in first: this dashboard requires a session');
  if (!roleAllows(who.role, access)) {
    throw new ZkError('FORBIDDEN', `Your role (${who.role}) cannot ${describeAccess(access)}; that needs the ${neededRole(access)} role`);
  }
  return who;
}

/**
 * The operator with a session to bind ZooKeeper credentials to: in local mode a browser without
 * one gets its own (returned as a cookie to set), so two browsers stay apart.
 */
export function withSignInSession(request: Request, who: Operator): { operator: Operator & { sessionId: string }; setCookie?: string } {
  if (who.sessionId) return { operator: { ...who, sessionId: who.sessionId } };
  const { token, session } = createSession(who.name, 'local');
  return {
    operator: { ...who, sessionId: session.id },
    setCookie: sessionCookie(request, token, sessionTimeouts().maxMs / 1000),
  };
}
