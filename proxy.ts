/**
 * Request gate (Next 16 "proxy", Node runtime): in local mode only loopback Host names are
 * served; with a users file, pages without a sign-in session redirect to /signin and API calls
 * get 401. Routes still check sign-in, roles and CSRF themselves (lib/api/route.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gate } from '@/lib/auth/gate';
import { safeNext, SIGN_IN_PAGE } from '@/lib/shared/redirect';

export function proxy(request: NextRequest) {
  const decision = gate(request);
  switch (decision.kind) {
    case 'pass':
      return NextResponse.next();
    case 'refuse':
      return NextResponse.json({ error: { code: decision.code, message: decision.message } }, { status: decision.status, headers: { 'Cache-Control': 'no-store' } });
    case 'signed-in':
      return NextResponse.redirect(new URL(safeNext(request.nextUrl.searchParams.get('next')), request.nextUrl.origin));
    case 'sign-in': {
      const target = new URL(SIGN_IN_PAGE, request.nextUrl.origin);
      target.searchParams.set('next', `${request.nextUrl.pathname}${request.nextUrl.search}`);
      return NextResponse.redirect(target);
    }
  }
}

export const config = {
  // Everything but Next's own static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
