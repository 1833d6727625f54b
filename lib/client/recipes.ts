/** What the recipe lenses read: a session's other ephemeral nodes (an explicit, costly `dump`). */
import { queryOptions } from '@tanstack/react-query';
import type { SessionEphemerals } from '@/lib/shared/wire';
import { connectionUrl, requestJson } from './api-client';
import { ephemeralsKeys } from './query-keys';

export function sessionEphemeralsQuery(connection: string, session: string, enabled: boolean) {
  return queryOptions({
    queryKey: ephemeralsKeys.of(connection, session),
    queryFn: ({ signal }) => requestJson<SessionEphemerals>(connectionUrl(connection, 'session/ephemerals', { session }), { signal }),
    enabled,
    // Ephemeral nodes come and go; a later click asks again.
    staleTime: 0,
    gcTime: 30_000,
    retry: false,
  });
}
