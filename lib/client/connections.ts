import { queryOptions } from '@tanstack/react-query';
import type { SessionInfo, SessionState } from '@/lib/zk/types';
import { connectionUrl, requestJson, retryTransient } from './api-client';

export interface ConnectionSummary {
  id: string;
  name: string;
  connectString: string;
  readOnly: boolean;
  state: SessionState;
}

/** Every browser cache key for a connection starts here, so a connection can be dropped at once. */
export const connectionKey = (connection: string) => ['conn', connection] as const;

export const connectionKeys = {
  list: () => ['connections'] as const,
  session: (connection: string) => [...connectionKey(connection), 'session'] as const,
};

export function connectionsQuery() {
  return queryOptions({
    queryKey: connectionKeys.list(),
    queryFn: ({ signal }) => requestJson<{ connections: ConnectionSummary[] }>('/api/v1/connections', { signal }),
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
