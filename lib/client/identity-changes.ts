/** Adding and dropping the operator's ZooKeeper identities (addauth); fetched with the identities dialog. */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { IdentitiesResponse } from '@/lib/shared/wire';
import { connectionUrl, requestJson } from './api-client';
import { connectionKey, identityKeys, parseQueryKey } from './query-keys';

/**
 * Identities change what every node of the connection shows: everything read under the old ones
 * is dropped (not kept on screen while it refetches), so a dropped identity's data disappears.
 */
function refreshConnection(client: QueryClient, connection: string, answer: IdentitiesResponse): void {
  client.setQueryData(identityKeys.list(connection), answer);
  void client.resetQueries({ queryKey: connectionKey(connection), predicate: (q) => parseQueryKey(q.queryKey)?.resource !== 'identities' });
}

export function useAddIdentity(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ user, password }: { user: string; password: string }) =>
      requestJson<IdentitiesResponse>(connectionUrl(connection, 'auth'), { method: 'POST', body: { scheme: 'digest', credential: `${user}:${password}` } }),
    onSuccess: (answer) => refreshConnection(client, connection, answer),
  });
}

export function useDropIdentities(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (only?: { scheme: string; id: string }) =>
      requestJson<IdentitiesResponse>(connectionUrl(connection, 'auth', only ?? {}), { method: 'DELETE' }),
    onSuccess: (answer) => refreshConnection(client, connection, answer),
  });
}
