/**
 * Request-level checks shared by the route handlers and proxy.ts: the session cookie, CSRF
 * (Origin / Sec-Fetch-Site) and, in local mode, DNS-rebinding protection (loopback Host only).
 * Web-standard Request/Headers only, so it runs wherever Next runs the proxy.
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import { isLoopbackHost } from './exposure';

export const SESSION_COOKIE = 'zooscope_session';
/** Over HTTPS the cookie is `__Host-` prefixed: only this origin, over TLS, with Path=/, can set it. */
const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
function viaHttps(headers: Headers, url: string): boolean {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : new URL(url).protocol === 'https:';
}

export function isHttps(request: Request): boolean {
  return viaHttps(request.headers, request.url);
}

/** The session cookie's name for this request: over HTTPS only the `__Host-` one counts. */
function sessionCookieName(headers: Headers): string {
  return viaHttps(headers, 'http://x/') ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** One cookie's value; a value that is not valid percent-encoding is a typed 400, not a 500. */
export function readCookie(headers: Headers, name: string): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim()) || null;
    } catch {
      throw new ZkError('INVALID_REQUEST', `The ${name} cookie is malformed; clear this site's cookies and reload`);
    }
  }
  return null;
}

/**
 * The session token. A `__Host-` cookie can only have been set over TLS by this origin, so it is
 * taken wherever it is present; the plain one only when the request did not come over HTTPS.
 */
export function readSessionToken(headers: Headers): string | null {
  return readCookie(headers, SECURE_SESSION_COOKIE) ?? (sessionCookieName(headers) === SESSION_COOKIE ? readCookie(headers, SESSION_COOKIE) : null);
}

/** `Set-Cookie` for a session token; `maxAgeSeconds: 0` clears it. */
export function sessionCookie(request: Request, token: string, maxAgeSeconds: number): string {
  const secure = isHttps(request);
  const parts = [`${secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** The host the browser addressed (what its Origin must name for a same-origin request). */
export function requestHost(request: Request): string {
  return (request.headers.get('x-forwarded-host')?.split(',')[0] ?? request.headers.get('host') ?? new URL(request.url).host).trim().toLowerCase();
}

export type GuardFailure = { code: 'FORBIDDEN'; message: string };

/**
 * Refuses a request a foreign page could have sent: one the browser marks `Sec-Fetch-Site:
 * cross-site` or `same-site` (another port on this host is the same site), or whose Origin names
 * another origin (or is `null`). Reads too: a heavy read (subtree count, export) must not be
 * something any page the operator visits can trigger. Clients that send neither header (curl,
 * scripts, a typed-in address: `none`) pass. Bodies must also be JSON, which a plain HTML form
 * cannot send: `readJson` checks that.
 */
export function checkCrossSite(request: Request): GuardFailure | null {
  const site = request.headers.get('sec-fetch-site')?.toLowerCase();
  if (site === 'cross-site' || site === 'same-site') {
    return { code: 'FORBIDDEN', message: 'Cross-site request refused: the Zooscope API answers only the Zooscope pages themselves' };
  }
  const origin = request.headers.get('origin');
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      return { code: 'FORBIDDEN', message: 'Request refused: the Origin header is not a valid origin' };
    }
    if (host !== requestHost(request)) {
      return { code: 'FORBIDDEN', message: `Cross-origin request refused: it came from ${origin}, not from this dashboard` };
    }
  } else if (origin === 'null') {
    return { code: 'FORBIDDEN', message: 'Request refused: it came from an opaque origin (sandboxed page or file)' };
  }
  return null;
}

/** In local mode the dashboard answers only to loopback host names (defeats DNS rebinding). */
export function checkLocalHost(request: Request): GuardFailure | null {
  // The Host header only: a rebound page can set X-Forwarded-Host on its own requests, not Host.
  const host = (request.headers.get('host') ?? new URL(request.url).host).trim().toLowerCase();
  if (isLoopbackHost(host)) return null;
  return {
    code: 'FORBIDDEN',
    message: `This dashboard runs in local mode and answers only on loopback addresses, not "${host}"; set ZOOSCOPE_USERS_FILE to serve it to others`,
  };
}
