/**
 * The compare stream (GET compare with another path or connection, POST compare with an export
 * file): differences handed over in bursts as they arrive, progress, and the summary. Aborting
 * the signal closes the request, which stops the server's walk.
 */
import type { CompareDifference, CompareProgressLine, CompareSummary } from '@/lib/shared/compare';
import { ApiError, connectionUrl, sendRequest } from './api-client';
import { readLines } from './ndjson';

/** The other side: a path (on this or another connection), or an export file. */
export type CompareWith = { path: string; connection?: string } | { file: File };

export interface CompareHandlers {
  onDifferences(differences: CompareDifference[]): void;
  onProgress(progress: CompareProgressLine['progress']): void;
  signal: AbortSignal;
}

export async function runCompare(connection: string, path: string, other: CompareWith, handlers: CompareHandlers): Promise<CompareSummary> {
  const headers = { Accept: 'application/x-ndjson' };
  const response =
    'file' in other
      ? await sendRequest(connectionUrl(connection, 'compare', { path }), { method: 'POST', file: other.file, headers, signal: handlers.signal })
      : await sendRequest(connectionUrl(connection, 'compare', { path, with: other.path, withConnection: other.connection }), { headers, signal: handlers.signal });
  let summary: CompareSummary | null = null;
  let batch: CompareDifference[] = [];
  const hand = () => {
    if (batch.length > 0) handlers.onDifferences(batch);
    batch = [];
  };
  await readLines(
    response,
    (line) => {
      if (line.progress) handlers.onProgress((line as unknown as CompareProgressLine).progress);
      else if (line.summary) summary = line.summary as CompareSummary;
      else batch.push(line as unknown as CompareDifference);
      return summary !== null;
    },
    hand,
  );
  hand();
  if (!summary) throw new ApiError('INTERNAL', 'The server stopped before the comparison finished', response.status);
  return summary;
}
