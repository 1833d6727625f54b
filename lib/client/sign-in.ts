/** Who is signed in, and signing out (signing in: sign-in-request.ts). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
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

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<void>('/api/v1/session', { method: 'DELETE' }),
    // Nothing read under the old session may stay on screen.
    onSuccess: () => client.clear(),
  });
}
