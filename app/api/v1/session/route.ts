import { signInBody } from '@/lib/api/access-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { openRoute } from '@/lib/api/route';
import { guardRequest, signInStatus } from '@/lib/auth/operator';
import { readSessionToken, sessionCookie } from '@/lib/auth/request-guard';
import { sessionTimeouts } from '@/lib/auth/sessions';
import { signIn, signOut } from '@/lib/auth/sign-in';
import { clientAddressOf } from '@/lib/auth/socket-stamp';
import type { SignedIn } from '@/lib/shared/wire';

export const dynamic = 'force-dynamic';

/** Who is signed in (and whether sign-in is needed at all). */
export const GET = openRoute((request) => json(signInStatus(request)));

/** Signs in with `{username, password}`; the session travels in an HttpOnly cookie only. */
export const POST = openRoute(async (request) => {
  guardRequest(request);
  const { username, password } = signInBody.parse(await readJson(request));
  const { token, session, role } = await signIn(username, password, clientAddressOf(request.headers));
  const cookie = sessionCookie(request, token, sessionTimeouts().maxMs / 1000);
  return json({ user: { name: session.user, role } } satisfies SignedIn, 200, { 'Set-Cookie': cookie });
});

/** Signs out: ends the session and forgets every ZooKeeper credential added in it. */
export const DELETE = openRoute((request) => {
  guardRequest(request);
  signOut(readSessionToken(request.headers));
  return new Response(null, { status: 204, headers: { 'Set-Cookie': sessionCookie(request, '', 0), 'Cache-Control': 'no-store' } });
});

export const { PUT, PATCH } = otherMethods({ GET, POST, DELETE });
