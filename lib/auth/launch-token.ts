/**
 * The per-launch token of local mode (like Jupyter's): `npm start` makes a random one, passes it
 * to the server as ZOOSCOPE_LAUNCH_SECRET and prints it in the URL. The first request with
 * `?token=` gets it as an HttpOnly cookie; without one, local mode answers 401. It keeps other
 * accounts on the same machine out of a dashboard that listens on loopback for everyone.
 */
import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isHttps, readCookie } from './request-guard';

const COOKIE = 'zooscope_launch';
const SECURE_COOKIE = `__Host-${COOKIE}`;
/** Lives as long as the launch (the server forgets nothing: a new launch has a new token). */
const COOKIE_MAX_AGE_SECONDS = 7 * 24 * 3600;

export function launchSecret(): string | null {
  return process.env.ZOOSCOPE_LAUNCH_SECRET?.trim() || null;
}

export function newLaunchSecret(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type LaunchCheck =
  | { kind: 'ok' }
  | { kind: 'grant'; cookie: string }
  | { kind: 'refuse'; message: string };

export function checkLaunchToken(request: Request): LaunchCheck {
  const secret = launchSecret();
  if (!secret) return { kind: 'ok' };
  const held = readCookie(request.headers, SECURE_COOKIE) ?? readCookie(request.headers, COOKIE);
  if (held && same(held, secret)) return { kind: 'ok' };
  const offered = new URL(request.url).searchParams.get('token');
  if (offered && same(offered, secret)) {
    const secure = isHttps(request);
    const parts = [`${secure ? SECURE_COOKIE : COOKIE}=${secret}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${COOKIE_MAX_AGE_SECONDS}`];
    if (secure) parts.push('Secure');
    return { kind: 'grant', cookie: parts.join('; ') };
  }
  return {
    kind: 'refuse',
    message: 'This dashboard was started with a launch token: open the address `npm start` printed (it ends in ?token=…)',
  };
}

/**
 * Other people who could reach a loopback port on this machine: login accounts in /etc/passwd
 * (UID 1000 and up, except nobody, with a shell that is not nologin/false) other than the one
 * running the server. The launch token is on by default when there is any.
 */
export function otherLoginAccounts(passwd = readPasswd(), ownUid = process.getuid?.() ?? -1): string[] {
  return passwd
    .split('\n')
    .map((line) => line.split(':'))
    .filter((f) => f.length >= 7)
    .filter(([, , uid, , , , shell]) => {
      const n = Number(uid);
      return n >= 1000 && n !== 65534 && n !== ownUid && !/(nologin|false)$/.test(shell.trim());
    })
    .map(([name]) => name);
}

function readPasswd(): string {
  try {
    return readFileSync('/etc/passwd', 'utf8');
  } catch {
    return '';
  }
}
