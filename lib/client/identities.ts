/**
 * The operator's ZooKeeper identities on a connection (addauth). The password goes to the
 * server once, in the POST body, and is never kept in the browser: not in the cache, not in storage.
 * Adding and dropping them: identity-changes.ts (with the dialog's chunk).
 */
import { queryOptions } from '@tanstack/react-query';
import type { IdentitiesResponse } from '@/lib/shared/wire';
import { connectionUrl, requestJson } from './api-client';
import { identityKeys } from './query-keys';

export function identitiesQuery(connection: string) {
  return queryOptions({
    queryKey: identityKeys.list(connection),
    queryFn: ({ signal }) => requestJson<IdentitiesResponse>(connectionUrl(connection, 'auth'), { signal }),
    select: (d) => d.identities,
    staleTime: 30_000,
  });
}
