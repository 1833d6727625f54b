/** Who is signed in, signing in and out. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@/lib/shared/roles';
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

export function useSignIn() {
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      requestJson<{ user: { name: string; role: Role } }>('/api/v1/session', { method: 'POST', body: input }),
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
