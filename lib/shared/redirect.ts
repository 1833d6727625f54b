/** Where to go after signing in. Pure: shared by proxy.ts and the sign-in page. */

export const SIGN_IN_PAGE = '/signin';

/** A `next` target that stays on this site (no open redirect through the sign-in page). */
export function safeNext(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
