import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@/lib/shared/types';
import type { CapabilitiesResponse, ConnectionInput, ConnectionSummary, ConnectionTestResult, ConnectionsResponse } from '@/lib/shared/wire';
import { connectionUrl, requestJson, retryTransient } from './api-client';
import { connectionKey, connectionKeys } from './query-keys';

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

/** The connection list and everything read through a connection whose settings changed. */
function refreshAfterChange(client: QueryClient, id: string): Promise<unknown> {
  return Promise.all([client.invalidateQueries({ queryKey: connectionKeys.list() }), client.removeQueries({ queryKey: connectionKey(id) })]);
}

export function useAddConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectionInput) => requestJson<ConnectionSummary>('/api/v1/connections', { method: 'POST', body: input }),
    onSuccess: (_, input) => refreshAfterChange(client, input.id),
  });
}

/** Replaces a run-time connection at the version shown; a change by someone else meanwhile is BAD_VERSION. */
export function useEditConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, ...settings }: ConnectionInput & { version: number }) =>
      requestJson<ConnectionSummary>(`/api/v1/connections/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...settings, version } }),
    onSuccess: (_, { id }) => refreshAfterChange(client, id),
  });
}

export function useRemoveConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      requestJson<{ closedSessions: number }>(`/api/v1/connections/${encodeURIComponent(id)}?version=${version}`, { method: 'DELETE' }),
    onSuccess: (_, { id }) => refreshAfterChange(client, id),
  });
}

export function useTestConnection() {
  return useMutation({
    mutationFn: (id: string) => requestJson<ConnectionTestResult>(`/api/v1/connections/${encodeURIComponent(id)}/test`, { method: 'POST' }),
  });
}
