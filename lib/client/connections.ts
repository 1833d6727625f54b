/** The connection list and a connection's session (changing connections: connection-changes.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { SessionInfo } from '@/lib/shared/types';
import type { CapabilitiesResponse, ConnectionsResponse } from '@/lib/shared/wire';
import { connectionUrl, requestJson, retryTransient } from './api-client';
import { connectionKeys } from './query-keys';

export function connectionsQuery() {
  return queryOptions({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => requestJson<ConnectionsResponse>('/api/v1/connections', { signal }),
    select: (d) => d.connections,
    staleTime: 60_000,
  });
}

export const SESSION_POLL_MS = 10_000;

export function sessionQuery(connection: string) {
  return queryOptions({
    queryKey: connectionKeys.session(connection),
    queryFn: ({ signal }) => requestJson<SessionInfo>(connectionUrl(connection, 'session'), { signal }),
    refetchInterval: SESSION_POLL_MS,
    retry: retryTransient,
  });
}

/** Optional server features (TTL nodes): probed once per session, so cached for the page's life. */
export function capabilitiesQuery(connection: string) {
  return queryOptions({
    queryKey: connectionKeys.capabilities(connection),
    queryFn: ({ signal }) => requestJson<CapabilitiesResponse>(connectionUrl(connection, 'capabilities'), { signal }),
    staleTime: Infinity,
  });
}
