/** Where to go after signing in. Pure: shared by proxy.ts and the sign-in page. */

export const SIGN_IN_PAGE = '/signin';

/** Stands in for the dashboard's own origin: a target that resolves elsewhere leaves the site. */
const SELF = 'http://zooscope.invalid';

/**
 * A `next` target that stays on this site (no open redirect through the sign-in page): a path
 * that resolves against our origin to our origin. Control characters and backslashes are refused
 * outright, because browsers drop or rewrite them ("/\t/evil.example" navigates to evil.example).
 */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  let url: URL;
  try {
    url = new URL(value, SELF);
  } catch {
    return '/';
  }
  return url.origin === SELF ? `${url.pathname}${url.search}${url.hash}` : '/';
}
