/**
 * The search stream (GET search, NDJSON): matches, progress and the summary are handed over as
 * they arrive. Aborting the signal closes the request, which stops the server's walk.
 */
import type { SearchDone, SearchMatch, SearchMode, SearchProgress } from '@/lib/shared/search';
import { ApiError, connectionUrl, sendRequest } from './api-client';
import { readLines } from './ndjson';

export interface SearchInput {
  path: string;
  name: string;
  data: string;
  mode: SearchMode;
  caseSensitive: boolean;
}

export interface SearchHandlers {
  onMatches(matches: SearchMatch[]): void;
  onProgress(progress: SearchProgress): void;
  signal: AbortSignal;
}

export async function runSearch(connection: string, input: SearchInput, handlers: SearchHandlers): Promise<SearchDone> {
  const url = connectionUrl(connection, 'search', {
    path: input.path,
    name: input.name || undefined,
    data: input.data || undefined,
    mode: input.mode,
    case: input.caseSensitive || undefined,
  });
  const response = await sendRequest(url, { signal: handlers.signal, headers: { Accept: 'application/x-ndjson' } });
  let done: SearchDone | null = null;
  // Matches arriving together are handed over together: one render per burst, not per match.
  let batch: SearchMatch[] = [];
  const hand = () => {
    if (batch.length > 0) handlers.onMatches(batch);
    batch = [];
  };
  await readLines(response, (line) => {
    if (line.match) batch.push(line.match as SearchMatch);
    else {
      hand();
      if (line.progress) handlers.onProgress(line.progress as SearchProgress);
      if (line.done) done = line.done as SearchDone;
    }
    return done !== null;
  }, hand);
  hand();
  if (!done) throw new ApiError('INTERNAL', 'The server stopped before the search finished', response.status);
  return done;
}
