/**
 * Adding, editing, removing and testing connections (the Connections page). Apart from the
 * queries (connections.ts), so that pages which only read them do not carry mutation code.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConnectionInput, ConnectionSummary, ConnectionTestResult } from '@/lib/shared/wire';
import { requestJson } from './api-client';
import { connectionKey, connectionKeys } from './query-keys';

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

/** Tests settings before they are saved (the form's Test button): nothing is stored, so nothing to refresh. */
export function useTestConnectionInput() {
  return useMutation({
    mutationFn: (input: ConnectionInput) => requestJson<ConnectionTestResult>('/api/v1/connections/test', { method: 'POST', body: input }),
  });
}
