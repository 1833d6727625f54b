/**
 * Signing in: a plain request, not a TanStack mutation. The sign-in page has no query cache (it
 * goes on with a full navigation), so this module must not import the library.
 */
import type { SignedIn } from '@/lib/shared/wire';
import { requestJson } from './api-client';

export function signIn(input: { username: string; password: string }): Promise<SignedIn> {
  return requestJson<SignedIn>('/api/v1/session', { method: 'POST', body: input });
}
