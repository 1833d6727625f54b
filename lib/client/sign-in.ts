/** Who is signed in, signing in and out. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SignedIn, SignInStatus } from '@/lib/shared/wire';
import { requestJson } from './api-client';
import { signInKeys } from './query-keys';

export function signInQuery() {
  return queryOptions({
    queryKey: signInKeys.status(),
    queryFn: ({ signal }) => requestJson<SignInStatus>('/api/v1/session', { signal }),
    staleTime: 60_000,
  });
}

/** Signing in is a plain request, not a mutation: the sign-in page has no query cache (it goes on with a full navigation). */
export function signIn(input: { username: string; password: string }): Promise<SignedIn> {
  return requestJson<SignedIn>('/api/v1/session', { method: 'POST', body: input });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => requestJson<void>('/api/v1/session', { method: 'DELETE' }),
    // Nothing read under the old session may stay on screen.
    onSuccess: () => client.clear(),
  });
}
