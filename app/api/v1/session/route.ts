import { guardRequest, signInStatus } from '@/lib/api/auth';
import { handle, json, readJson } from '@/lib/api/envelope';
import { readSessionToken, sessionCookie } from '@/lib/auth/request-guard';
import { signInBody } from '@/lib/auth/schemas';
import { sessionTimeouts } from '@/lib/auth/sessions';
import { signIn, signOut } from '@/lib/auth/sign-in';

export const dynamic = 'force-dynamic';

/** Who is signed in (and whether sign-in is needed at all). */
export function GET(request: Request) {
  return handle(async () => json(signInStatus(request)));
}

/** Signs in with `{username, password}`; the session travels in an HttpOnly cookie only. */
export function POST(request: Request) {
  return handle(async () => {
    guardRequest(request);
    const { username, password } = signInBody.parse(await readJson(request));
    const { token, session, role } = await signIn(username, password);
    const cookie = sessionCookie(request, token, sessionTimeouts().maxMs / 1000);
    return json({ user: { name: session.user, role } }, 200, { 'Set-Cookie': cookie });
  });
}

/** Signs out: ends the session and forgets every ZooKeeper credential added in it. */
export function DELETE(request: Request) {
  return handle(async () => {
    guardRequest(request);
    signOut(readSessionToken(request.headers));
    return new Response(null, { status: 204, headers: { 'Set-Cookie': sessionCookie(request, '', 0), 'Cache-Control': 'no-store' } });
  });
}
