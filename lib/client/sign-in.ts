/** Who is signed in (signing in: sign-in-request.ts; signing out: sign-out.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { SignInStatus } from '@/lib/shared/wire';
import { requestJson } from './api-client';
import { signInKeys } from './query-keys';

export function signInQuery() {
  return queryOptions({
    queryKey: signInKeys.status(),
    queryFn: ({ signal }) => requestJson<SignInStatus>('/api/v1/session', { signal }),
    staleTime: 60_000,
  });
}
