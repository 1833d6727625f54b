/** One node: its value and stat, and the writes (create, save, delete) with precise invalidation. */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ancestors, isWithin, parentPath } from '@/lib/shared/path';
import type { AclEntry, CreateMode } from '@/lib/shared/types';
import type { CurrentNode, NodeResponse, SubtreeCount, WriteResult } from '@/lib/shared/wire';
import { type ApiError, connectionUrl, requestJson, retryTransient, sendRequest, WRITE_TIMEOUT_MS } from './api-client';
import { readProgressStream } from './progress-stream';
import { childrenKeys, nodeKeys, parseConnectionQueryKey } from './query-keys';

export function nodeQuery(connection: string, path: string) {
  return queryOptions({
    queryKey: nodeKeys.detail(connection, path),
    queryFn: ({ signal }) => requestJson<NodeResponse>(connectionUrl(connection, 'node', { path }), { signal }),
    staleTime: 5_000,
    retry: retryTransient,
  });
}


export function subtreeCountQuery(connection: string, path: string) {
  return queryOptions({
    queryKey: nodeKeys.subtree(connection, path),
    queryFn: ({ signal }) => requestJson<SubtreeCount>(connectionUrl(connection, 'subtree', { path }), { signal }),
    staleTime: 0,
    retry: retryTransient,
  });
}

/** The current node from a BAD_VERSION error, when the server included it. */
export function currentFromConflict(error: ApiError): CurrentNode | undefined {
  const current = error.details.current as CurrentNode | undefined;
  return current && current.stat && current.data ? current : undefined;
}

/** After a child of `parent` appeared or vanished: its list, its stat, and its row's child count. */
function invalidateStructure(client: QueryClient, connection: string, parent: string): void {
  void client.invalidateQueries({ queryKey: childrenKeys.of(connection, parent) });
  void client.invalidateQueries({ queryKey: nodeKeys.detail(connection, parent) });
  void client.invalidateQueries({ queryKey: nodeKeys.subtreeAll(connection) });
  if (parent !== '/') {
    void client.invalidateQueries({
      queryKey: childrenKeys.of(connection, parentPath(parent)),
      predicate: (q) => {
        const k = parseConnectionQueryKey(q.queryKey, connection);
        return k?.resource === 'children' && k.params.stat;
      },
    });
  }
}

export interface SaveInput {
  path: string;
  base64: string;
  /** Recompress (the value was shown gunzipped). */
  compress?: 'gzip';
  /** The version the edit was based on. */
  version: number;
}

export function useSaveNode(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput) =>
      requestJson<WriteResult>(connectionUrl(connection, 'node'), {
        method: 'PUT',
        body: { path: input.path, version: input.version, data: { base64: input.base64, ...(input.compress && { compress: input.compress }) } },
        timeoutMs: WRITE_TIMEOUT_MS,
      }),
    // Not awaited: the editor learns the new version from the answer, the refetch follows.
    onSuccess: (_result, input) => void client.invalidateQueries({ queryKey: nodeKeys.detail(connection, input.path) }),
  });
}

export interface CreateInput {
  path: string;
  base64?: string;
  mode: CreateMode;
  ttlMs?: number;
  parents?: boolean;
  /** Omitted: open to everyone (world:anyone, all permissions). */
  acl?: AclEntry[];
}

export function useCreateNode(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInput) =>
      requestJson<WriteResult>(connectionUrl(connection, 'node'), {
        method: 'POST',
        body: {
          path: input.path,
          mode: input.mode,
          ...(input.base64 && { data: { base64: input.base64 } }),
          ...(input.ttlMs !== undefined && { ttlMs: input.ttlMs }),
          ...(input.parents && { parents: true }),
          ...(input.acl && { acl: input.acl }),
        },
        timeoutMs: WRITE_TIMEOUT_MS,
      }),
    onSuccess: (created, input) => {
      // With "create parents" any ancestor may be new; otherwise only the parent's list changed.
      const changed = input.parents ? ancestors(parentPath(created.path)) : [parentPath(created.path)];
      for (const p of changed) invalidateStructure(client, connection, p);
    },
  });
}

export interface DeleteInput {
  path: string;
  version: number;
  recursive: boolean;
  onProgress?: (deleted: number, total: number) => void;
}

export function useDeleteNode(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, version, recursive, onProgress }: DeleteInput) => {
      const url = connectionUrl(connection, 'node', { path, version, recursive: recursive || undefined });
      if (!recursive) {
        await sendRequest(url, { method: 'DELETE', timeoutMs: WRITE_TIMEOUT_MS });
        return;
      }
      const response = await sendRequest(url, { method: 'DELETE', headers: { Accept: 'application/x-ndjson' }, timeoutMs: WRITE_TIMEOUT_MS });
      await readProgressStream<{ deleted: number; total: number }>(
        response,
        (p) => onProgress?.(p.deleted, p.total),
        'The server stopped before the delete finished; some nodes may remain',
      );
    },
    onSettled: (_r, error, { path }) => {
      // Also after a failed recursive delete: part of the subtree may be gone.
      client.removeQueries({
        predicate: (q) => {
          const k = parseConnectionQueryKey(q.queryKey, connection);
          if (k?.resource !== 'node' && k?.resource !== 'children') return false;
          return (k.resource === 'children' || k.path !== path) && isWithin(k.path, path);
        },
      });
      // After success the page showing the node is about to leave it: no refetch of a deleted node.
      void client.invalidateQueries({ queryKey: nodeKeys.detail(connection, path), refetchType: error ? 'active' : 'none' });
      invalidateStructure(client, connection, parentPath(path));
    },
  });
}
