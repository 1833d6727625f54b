/** A node's ACL: the query and the save (optionally over the subtree, with progress). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Consequence } from '@/lib/shared/errors';
import { isWithin } from '@/lib/shared/path';
import type { AclEntry } from '@/lib/shared/types';
import type { AclResponse } from '@/lib/shared/wire';
import { type ApiError, connectionUrl, requestJson, retryTransient, sendRequest, WRITE_TIMEOUT_MS } from './api-client';
import { readProgressStream } from './progress-stream';
import { aclKeys, nodeKeys, parseConnectionQueryKey } from './query-keys';

export function aclQuery(connection: string, path: string) {
  return queryOptions({
    queryKey: aclKeys.detail(connection, path),
    queryFn: ({ signal }) => requestJson<AclResponse>(connectionUrl(connection, 'acl', { path }), { signal }),
    staleTime: 5_000,
    retry: retryTransient,
  });
}

/** A consequence line: coded (rendered from the catalog), or only the server's English (an older server). */
export type ConsequenceLine = Pick<Consequence, 'message'> & Partial<Consequence>;

/** What a CONFIRMATION_REQUIRED answer asks the operator to type, and why. */
export function confirmationFrom(error: ApiError): { confirm: string; consequence: ConsequenceLine[] } | undefined {
  const { confirm, consequence, consequences } = error.details;
  if (typeof confirm !== 'string' || !Array.isArray(consequence)) return undefined;
  // The coded lines only when they say as much as the English ones (an empty list would confirm without a reason).
  const coded =
    Array.isArray(consequences) && consequences.length === consequence.length && consequences.every((c) => typeof c?.message === 'string')
      ? (consequences as Consequence[])
      : undefined;
  return { confirm, consequence: coded ?? consequence.map((message) => ({ message: String(message) })) };
}

/** The ACL as it is now, from a BAD_VERSION answer. */
export function currentAclFromConflict(error: ApiError): AclResponse | undefined {
  const current = error.details.current as AclResponse | null | undefined;
  return current && Array.isArray(current.acl) && current.stat ? current : undefined;
}

export interface SaveAclInput {
  path: string;
  acl: AclEntry[];
  /** The ACL version (aversion) the edit was based on. */
  version: number;
  recursive?: boolean;
  /** The node's path typed by the operator, when the server asked for a confirmation. */
  confirm?: string;
  onProgress?: (applied: number, total: number) => void;
}

export function useSaveAcl(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, acl, version, recursive, confirm, onProgress }: SaveAclInput) => {
      const url = connectionUrl(connection, 'acl', { path, recursive: recursive || undefined });
      const body = { acl, version, confirm };
      if (!recursive) return requestJson<AclResponse & { path: string }>(url, { method: 'PUT', body, timeoutMs: WRITE_TIMEOUT_MS });
      const response = await sendRequest(url, { method: 'PUT', body, headers: { Accept: 'application/x-ndjson' }, timeoutMs: WRITE_TIMEOUT_MS });
      let applied = 0;
      await readProgressStream<{ applied: number; total: number }>(
        response,
        (p) => {
          applied = p.applied;
          onProgress?.(p.applied, p.total);
        },
        'The server stopped before the ACL reached every node',
      );
      return { subtree: applied };
    },
    onSettled: (_r, _e, { path, recursive }) => {
      // A subtree change (even a partial one) touches every ACL and stat below the node.
      const touched = (key: readonly unknown[]) => {
        const k = parseConnectionQueryKey(key, connection);
        return k !== undefined && 'path' in k && (k.path === path || (recursive === true && isWithin(k.path, path)));
      };
      void client.invalidateQueries({ queryKey: aclKeys.all(connection), predicate: (q) => touched(q.queryKey) });
      void client.invalidateQueries({ queryKey: nodeKeys.all(connection), predicate: (q) => touched(q.queryKey) });
    },
  });
}
