import 'server-only';
import { authMode } from '@/lib/auth/exposure';
import type { SignInStatus } from '@/lib/shared/wire';
import { checkCsrf, checkLocalHost, readSessionToken, sessionCookie } from '@/lib/auth/request-guard';
import { describeAccess, neededRole, roleAllows, type Access, type Role } from '@/lib/shared/roles';
import { createSession, sessionExpiresAt, sessionTimeouts, touchSession, type SignInSession } from '@/lib/auth/sessions';
import { signedInUser } from '@/lib/auth/signed-in';
import { credentialsOf } from '@/lib/auth/zk-credentials';
import { ZkError } from '@/lib/zk/errors';
import type { Credential } from '@/lib/zk/session';

export type { Access } from '@/lib/shared/roles';

export interface Operator {
  name: string;
  role: Role;
  /**
   * The sign-in session this request belongs to (in local mode, the browser's own session), which
   * holds the operator's ZooKeeper credentials; null for a local-mode browser that has none yet.
   */
  sessionId: string | null;
  /** The ZooKeeper credentials this operator added for a connection (held on the server only). */
  credentialsFor(connectionId: string): Credential[];
}

function operator(name: string, role: Role, sessionId: string | null): Operator {
  return { name, role, sessionId, credentialsFor: (connectionId) => credentialsOf(sessionId, connectionId) };
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

/** Refuses cross-site state changes and, in local mode, requests to a non-loopback host name. */
export function guardRequest(request: Request): void {
  if (authMode() === 'local') refuse(checkLocalHost(request));
  refuse(checkCsrf(request));
}

/** The operator and the sign-in session behind a request (null: nobody is signed in). */
function resolve(request: Request): { who: Operator; session: SignInSession | null } | null {
  guardRequest(request);
  if (authMode() === 'local') {
    const session = touchSession(readSessionToken(request.headers));
    const own = session?.kind === 'local' ? session : null;
    return { who: operator('local', 'admin', own?.id ?? null), session: own };
  }
  const found = currentUser(request.headers);
  return found && { who: operator(found.session.user, found.role, found.session.id), session: found.session };
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
 * Every route calls this (directly or through `connectionContext`) before reading its input.
 */
export async function authenticate(request: Request, access: Access): Promise<Operator> {
  const who = resolve(request)?.who;
  if (!who) throw new ZkError('UNAUTHENTICATED', 'Sign in first: this dashboard requires a session');
  if (!roleAllows(who.role, access)) {
    throw new ZkError('FORBIDDEN', `Your role (${who.role}) cannot ${describeAccess(access)}; that needs the ${neededRole(access)} role`);
  }
  return who;
}

/**
 * Like `authenticate`, but guarantees a session to bind ZooKeeper credentials to: in local mode a
 * browser without one gets its own (returned as a cookie to set), so two browsers stay apart.
 */
export async function authenticateWithSession(request: Request, access: Access): Promise<{ operator: Operator & { sessionId: string }; setCookie?: string }> {
  const who = await authenticate(request, access);
  if (who.sessionId) return { operator: who as Operator & { sessionId: string } };
  const { token, session } = createSession(who.name, 'local');
  return {
    operator: operator(who.name, who.role, session.id) as Operator & { sessionId: string },
    setCookie: sessionCookie(request, token, sessionTimeouts().maxMs / 1000),
  };
}
