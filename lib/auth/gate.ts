/**
 * The request-level gate proxy.ts applies before any page renders or route runs. Routes enforce
 * sign-in and roles themselves (lib/api/route.ts); this adds the page redirect to /signin and
 * refuses API calls without a session even if a route were to forget its own check.
 * Node only (proxy.ts runs on the Node runtime and shares this process's sign-in sessions).
 */
import 'server-only';
import { authMode } from './exposure';
import { SIGN_IN_PAGE } from '@/lib/shared/redirect';
import { checkCsrf, checkLocalHost, isStateChanging } from './request-guard';
import { signedInUser } from './signed-in';

export type GateDecision =
  | { kind: 'pass' }
  | { kind: 'refuse'; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string }
  | { kind: 'sign-in' }
  | { kind: 'signed-in' };

/** Answers without a session: the sign-in page and the session API it calls. */
const OPEN_PATHS = [SIGN_IN_PAGE, '/api/v1/session'];

function hasLiveSession(headers: Headers): boolean {
  try {
    return signedInUser(headers) !== null;
  } catch {
    return false; // a broken users file signs nobody in
  }
}

export function gate(request: Request): GateDecision {
  const { pathname } = new URL(request.url);
  const api = pathname.startsWith('/api/');
  if (authMode() === 'local') {
    const refused = checkLocalHost(request);
    return refused ? { kind: 'refuse', status: 403, ...refused } : { kind: 'pass' };
  }
  if (api && isStateChanging(request.method)) {
    const refused = checkCsrf(request);
    if (refused) return { kind: 'refuse', status: 403, ...refused };
  }
  const open = OPEN_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const signedIn = hasLiveSession(request.headers);
  if (pathname === SIGN_IN_PAGE && signedIn) return { kind: 'signed-in' };
  if (open || signedIn) return { kind: 'pass' };
  if (api) return { kind: 'refuse', status: 401, code: 'UNAUTHENTICATED', message: 'Sign in first: this dashboard requires a session' };
  return { kind: 'sign-in' };
}
