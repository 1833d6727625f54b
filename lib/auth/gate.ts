/**
 * The request-level gate proxy.ts applies before any page renders or route runs (after
 * lib/api/request-limits.ts): cross-site API calls, and then by mode — local: the loopback Host,
 * the address the request really arrived on, and the launch token; sign-in: the page redirect to
 * /signin, and 401 for API calls without a session even if a route were to forget its own check.
 * Node only (proxy.ts runs on the Node runtime and shares this process's sign-in sessions).
 */
import 'server-only';
import { isZkError } from '@/lib/zk/errors';
import { SIGN_IN_PAGE } from '@/lib/shared/redirect';
import { authMode, isLoopbackHost } from './exposure';
import { checkLaunchToken } from './launch-token';
import { checkCrossSite, checkLocalHost } from './request-guard';
import { signedInUser } from './signed-in';
import { localAddressOf } from './socket-stamp';

export type GateDecision =
  | { kind: 'pass' }
  | {
      kind: 'refuse';
      status: 400 | 401 | 403 | 405 | 413;
      code: 'INVALID_REQUEST' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'METHOD_NOT_ALLOWED' | 'DATA_TOO_LARGE';
      message: string;
      headers?: Record<string, string>;
    }
  | { kind: 'sign-in' }
  | { kind: 'signed-in' }
  | { kind: 'launch-token'; cookie: string };

/** Answers without a session: the sign-in page and the session API it calls. */
const OPEN_PATHS = [SIGN_IN_PAGE, '/api/v1/session'];

const forbidden = (message: string): GateDecision => ({ kind: 'refuse', status: 403, code: 'FORBIDDEN', message });

function hasLiveSession(headers: Headers): boolean {
  try {
    return signedInUser(headers) !== null;
  } catch (e) {
    if (isZkError(e)) throw e; // a malformed cookie: 400
    return false; // a broken users file signs nobody in
  }
}

/** Local mode serves this machine only: what the socket says, not what the client claims. */
function checkLocalAddress(headers: Headers): GateDecision | null {
  const address = localAddressOf(headers);
  if (address === null) {
    return forbidden('Local mode cannot tell which address this request arrived on (instrumentation.ts did not run), so it serves nobody');
  }
  if (isLoopbackHost(address)) return null;
  return forbidden(
    `This dashboard runs in local mode and serves loopback connections only; this one arrived on ${address || 'an unknown address'}. ` +
      'Set ZOOSCOPE_USERS_FILE to serve it to others',
  );
}

function local(request: Request): GateDecision {
  const refused = checkLocalHost(request);
  if (refused) return forbidden(refused.message);
  const wrongSocket = checkLocalAddress(request.headers);
  if (wrongSocket) return wrongSocket;
  const token = checkLaunchToken(request);
  if (token.kind === 'grant') return { kind: 'launch-token', cookie: token.cookie };
  if (token.kind === 'refuse') return { kind: 'refuse', status: 401, code: 'UNAUTHENTICATED', message: token.message };
  return { kind: 'pass' };
}

function signIn(request: Request, pathname: string, api: boolean): GateDecision {
  const open = OPEN_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const signedIn = hasLiveSession(request.headers);
  if (pathname === SIGN_IN_PAGE && signedIn) return { kind: 'signed-in' };
  if (open || signedIn) return { kind: 'pass' };
  if (api) return { kind: 'refuse', status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first: this dashboard requires a session' };
  return { kind: 'sign-in' };
}

export function gate(request: Request): GateDecision {
  const { pathname } = new URL(request.url);
  const api = pathname.startsWith('/api/');
  if (api) {
    const crossSite = checkCrossSite(request);
    if (crossSite) return forbidden(crossSite.message);
  }
  try {
    return authMode() === 'local' ? local(request) : signIn(request, pathname, api);
  } catch (e) {
    if (isZkError(e) && e.code === 'INVALID_REQUEST') return { kind: 'refuse', status: 400, code: 'INVALID_REQUEST', message: e.message };
    throw e;
  }
}
