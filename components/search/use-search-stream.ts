'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { runSearch, type SearchInput } from '@/lib/client/search';
import type { SearchDone, SearchMatch, SearchProgress } from '@/lib/shared/search';

interface Result {
  /** The run these results belong to. */
  key: string;
  matches: SearchMatch[];
  progress: SearchProgress | null;
  done: SearchDone | null;
  error: unknown;
  ended: boolean;
  stopped: boolean;
}

export interface SearchStream extends Omit<Result, 'key' | 'ended'> {
  running: boolean;
  stop(): void;
}

const fresh = (key: string): Result => ({ key, matches: [], progress: null, done: null, error: null, ended: false, stopped: false });

/** Runs the search of `input` (again whenever it changes, or `run` counts up), streaming its results into state. */
export function useSearchStream(connection: string, input: SearchInput | null, run: number): SearchStream {
  const json = input && (input.name || input.data) ? JSON.stringify(input) : null;
  const key = json && `${connection}#${run}#${json}`;
  const [result, setResult] = useState<Result | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (key === null || json === null) return;
    const abort = new AbortController();
    controller.current = abort;
    const update = (patch: (r: Result) => Partial<Result>) =>
      setResult((prev) => {
        const base = prev?.key === key ? prev : fresh(key);
        return { ...base, ...patch(base) };
      });
    runSearch(connection, JSON.parse(json) as SearchInput, {
      signal: abort.signal,
      onMatches: (more) => update((r) => ({ matches: [...r.matches, ...more] })),
      onProgress: (progress) => update(() => ({ progress })),
    }).then(
      (done) => update(() => ({ done, ended: true })),
      (error) => update(() => (abort.signal.aborted ? { ended: true } : { error, ended: true })),
    );
    return () => abort.abort();
  }, [connection, key, json]);

  const stop = useCallback(() => {
    controller.current?.abort();
    setResult((prev) => prev && { ...prev, stopped: true, ended: true });
  }, []);

  const shown = result && result.key === key ? result : fresh(key ?? '');
  return { ...shown, running: key !== null && !shown.ended, stop };
}
