/**
 * Import, copy, move and undo from the browser (docs/api.md, Bulk; export: export-download.ts):
 * the NDJSON runs (`{"done","total"}` progress, then `{"result"}`), whose signal aborts the
 * request (the server stops). After a run that wrote, the cached nodes it touched are dropped.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { BulkProgress, BulkResult, CopyRequest, OnConflict, UndoResult } from '@/lib/shared/export-format';
import { isWithin, parentPath } from '@/lib/shared/path';
import { ApiError, connectionUrl, sendRequest } from './api-client';
import { readLines } from './ndjson';
import { parseConnectionQueryKey } from './query-keys';

export interface ImportInput {
  target: string;
  file: File;
  onConflict: OnConflict;
  dryRun: boolean;
  /** Keep the target's ACLs rather than apply the file's. */
  keepAcl: boolean;
}

type OnProgress = (progress: BulkProgress) => void;

async function readResult<R>(response: Response, onProgress: OnProgress): Promise<R> {
  let result: R | null = null;
  await readLines(response, (line) => {
    if (line.result) result = line.result as R;
    else if (typeof line.done === 'number') onProgress(line as unknown as BulkProgress);
    return result !== null;
  });
  if (result === null) throw new ApiError('INTERNAL', 'The server stopped before the run finished', response.status);
  return result;
}

const NDJSON = { Accept: 'application/x-ndjson' };

export async function runImport(connection: string, input: ImportInput, signal: AbortSignal, onProgress: OnProgress): Promise<BulkResult> {
  const url = connectionUrl(connection, 'import', { path: input.target, onConflict: input.onConflict, dryRun: input.dryRun, acl: input.keepAcl ? 'keep' : undefined });
  return readResult(await sendRequest(url, { method: 'POST', file: input.file, headers: NDJSON, signal }), onProgress);
}

export async function runCopy(connection: string, request: CopyRequest, signal: AbortSignal, onProgress: OnProgress): Promise<BulkResult> {
  return readResult(await sendRequest(connectionUrl(connection, 'copy'), { method: 'POST', body: request, headers: NDJSON, signal }), onProgress);
}

export async function runUndo(connection: string, created: string[], signal: AbortSignal, onProgress: OnProgress): Promise<UndoResult> {
  return readResult(await sendRequest(connectionUrl(connection, 'undo'), { method: 'POST', body: { created }, headers: NDJSON, signal }), onProgress);
}

/** Drops what is cached of a subtree that a run changed: its nodes, lists and ACLs, its parent's list and stat, and the counts around it. */
export function invalidateSubtree(client: QueryClient, connection: string, path: string): void {
  const parent = parentPath(path);
  void client.invalidateQueries({
    predicate: (q) => {
      const key = parseConnectionQueryKey(q.queryKey, connection);
      if (!key || !('path' in key)) return false;
      // Counts of every subtree holding it changed too.
      if (key.resource === 'subtree') return isWithin(path, key.path) || isWithin(key.path, path);
      return isWithin(key.path, path) || ((key.resource === 'children' || key.resource === 'node') && key.path === parent);
    },
  });
}
