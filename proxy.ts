/**
 * Request gate (Next 16 "proxy", Node runtime): in local mode only loopback addresses are
 * served; with a users file, pages without a sign-in session redirect to /signin and API calls
 * get 401. Every answer it lets through or makes carries the Content-Security-Policy (a fresh
 * nonce per page). Routes still check sign-in, roles and CSRF themselves (lib/api/route.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gate, type GateDecision } from '@/lib/auth/gate';
import { checkRequestShape } from '@/lib/api/request-limits';
import { API_CSP, newNonce, pageCsp } from '@/lib/api/security-headers';
import { safeNext, SIGN_IN_PAGE } from '@/lib/shared/redirect';

type Stop = Exclude<GateDecision, { kind: 'pass' }>;

/** What the gate answers itself instead of passing the request on. */
function stop(request: NextRequest, decision: Stop): NextResponse {
  switch (decision.kind) {
    case 'refuse':
      return NextResponse.json(
        { error: { code: decision.code, message: decision.message } },
        { status: decision.status, headers: { 'Cache-Control': 'no-store', ...decision.headers } },
      );
    case 'signed-in':
      return NextResponse.redirect(new URL(safeNext(request.nextUrl.searchParams.get('next')), request.nextUrl.origin));
    case 'sign-in': {
      const target = new URL(SIGN_IN_PAGE, request.nextUrl.origin);
      target.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return NextResponse.redirect(target);
    }
    case 'launch-token': {
      // The token leaves the address bar (and the history) at once; the cookie carries it on.
      const target = new URL(request.nextUrl);
      target.searchParams.delete('token');
      const response = NextResponse.redirect(target);
      response.headers.set('Set-Cookie', decision.cookie);
      return response;
    }
  }
}

export function proxy(request: NextRequest) {
  const nonce = request.nextUrl.pathname.startsWith('/api/') ? null : newNonce();
  const csp = nonce ? pageCsp(nonce) : API_CSP;
  const early = checkRequestShape(request);
  const decision: GateDecision = early ? { kind: 'refuse', ...early } : gate(request);
  let response: NextResponse;
  if (decision.kind !== 'pass') response = stop(request, decision);
  else if (!nonce) response = NextResponse.next();
  else {
    // Next takes the nonce for its own scripts from the request's CSP; the layout reads x-nonce.
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but Next's own static assets and the icons in public/ (their headers: next.config.js).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
