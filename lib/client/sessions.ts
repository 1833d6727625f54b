/** The dashboard's own ZooKeeper sessions (every connection), with the ephemeral nodes they own. */
import { queryOptions } from '@tanstack/react-query';
import type { OwnSession } from '@/lib/shared/ensemble';
import { requestJson } from './api-client';
import { sessionsKeys } from './query-keys';

export type { OwnSession } from '@/lib/shared/ensemble';

export const SESSIONS_POLL_MS = 5_000;

/** The sessions with the ephemeral nodes they own: runs `dump` on the server, so enabled by a click. */
export function ownEphemeralsQuery(enabled: boolean) {
  return queryOptions({
    queryKey: sessionsKeys.withEphemerals(),
    queryFn: ({ signal }) => requestJson<{ sessions: OwnSession[] }>('/api/v1/sessions?ephemerals=true', { signal }),
    select: (d) => d.sessions,
    enabled,
    staleTime: Infinity,
  });
}

export function ownSessionsQuery() {
  return queryOptions({
    queryKey: sessionsKeys.all(),
    queryFn: ({ signal }) => requestJson<{ sessions: OwnSession[] }>('/api/v1/sessions', { signal }),
    select: (d) => d.sessions,
    refetchInterval: SESSIONS_POLL_MS,
    staleTime: 0,
  });
}
