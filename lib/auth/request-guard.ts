/**
 * Request-level checks shared by the route handlers and proxy.ts: the session cookie, CSRF
 * (Origin / Sec-Fetch-Site) and, in local mode, DNS-rebinding protection (loopback Host only).
 * Web-standard Request/Headers only, so it runs wherever Next runs the proxy.
 */
import 'server-only';
import { isLoopbackHost } from './exposure';

export const SESSION_COOKIE = 'zooscope_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function readSessionToken(headers: Headers): string | null {
  const header = headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(part.slice(eq + 1).trim()) || null;
  }
  return null;
}

/** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded ? forwarded === 'https' : new URL(request.url).protocol === 'https:';
}

/** `Set-Cookie` for a session token; `maxAgeSeconds: 0` clears it. */
export function sessionCookie(request: Request, token: string, maxAgeSeconds: number): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`];
  if (isHttps(request)) parts.push('Secure');
  return parts.join('; ');
}

/** The host the browser addressed (what its Origin must name for a same-origin request). */
export function requestHost(request: Request): string {
  return (request.headers.get('x-forwarded-host')?.split(',')[0] ?? request.headers.get('host') ?? new URL(request.url).host).trim().toLowerCase();
}

export type GuardFailure = { code: 'FORBIDDEN'; message: string };

/**
 * Refuses a state-changing request a foreign page could have sent: one whose Origin names another
 * origin, or that the browser marks `Sec-Fetch-Site: cross-site`. (Bodies must also be JSON, which
 * a plain HTML form cannot send: `readJson` checks that.)
 */
export function checkCsrf(request: Request): GuardFailure | null {
  if (!isStateChanging(request.method)) return null;
  if (request.headers.get('sec-fetch-site')?.toLowerCase() === 'cross-site') {
    return { code: 'FORBIDDEN', message: 'Cross-site request refused: changes can only be made from the Zooscope pages themselves' };
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
