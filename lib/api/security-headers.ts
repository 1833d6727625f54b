/**
 * The Content-Security-Policy of every answer proxy.ts produces. Pages get a fresh nonce per
 * request (Next reads it from this header and puts it on its own scripts; next-themes gets it
 * through the layout); API answers are data and may load nothing. The headers that do not vary
 * (X-Frame-Options, nosniff, Referrer-Policy, and the CSP of static files) are in next.config.js.
 * Why style-src allows 'unsafe-inline': see docs/security.md.
 */
import 'server-only';

/** A nonce for one page answer: 128 random bits, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function pageCsp(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonced scripts load (CodeMirror, uPlot) run too; in
    // development React needs eval for its error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // No nonce here: a nonce would make browsers ignore 'unsafe-inline', which style attributes need.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For JSON, event streams and downloads: nothing may load, nothing may frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
