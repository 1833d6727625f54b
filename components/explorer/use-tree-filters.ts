'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useStoredFlag } from '@/lib/client/stored-flag';
import type { NameFilter } from '@/lib/shared/names';

/** Row stats wait until typing in a filter pauses, so keystrokes only cost the name lookups. */
const STATS_AFTER_FILTER_MS = 250;

/** The filter box matches anywhere in a name unless the operator chose name starts (remembered). */
const PREFIX_MODE_KEY = 'zooscope:tree-filter-prefix';

const filterOfText = (text: string, prefixMode: boolean): NameFilter => (prefixMode ? { prefix: text, contains: '' } : { prefix: '', contains: text });

/** The text typed in a filter box, whichever way it matches. */
export const textOf = (filter: NameFilter) => filter.prefix || filter.contains;

/** The tree's filters, one per long list, all matching the same way (substring or prefix). */
export function useTreeFilters() {
  const [filters, setFilters] = useState<ReadonlyMap<string, NameFilter>>(() => new Map());
  const [storedPrefixMode, setPrefixMode] = useStoredFlag(PREFIX_MODE_KEY);
  const prefixMode = storedPrefixMode === true;
  const [settled, setSettled] = useState(true);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(settleTimer.current), []);

  const unsettle = () => {
    setSettled(false);
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => setSettled(true), STATS_AFTER_FILTER_MS);
  };

  const setText = useCallback(
    (path: string, text: string) => {
      setFilters((prev) => {
        const next = new Map(prev);
        if (text) next.set(path, filterOfText(text, prefixMode));
        else next.delete(path);
        return next;
      });
      unsettle();
    },
    [prefixMode],
  );

  // Every open filter follows the mode, keeping its text.
  const setMode = (prefix: boolean) => {
    setPrefixMode(prefix);
    setFilters((prev) => new Map([...prev].map(([path, f]) => [path, filterOfText(textOf(f), prefix)])));
    unsettle();
  };

  return { filters, prefixMode, settled, setText, setMode };
}
