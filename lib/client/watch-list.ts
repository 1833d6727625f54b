/** The Events page's watched paths and their modes, kept across a reload in this tab's sessionStorage. */
import { useEffect, useState } from 'react';
import type { WatchMode } from './watch-spread';

export interface WatchEntry {
  path: string;
  mode: WatchMode;
}

const keyOf = (connection: string) => `zooscope:event-watches:${connection}`;

function read(connection: string): WatchEntry[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(keyOf(connection)) ?? '[]') as WatchEntry[];
    return Array.isArray(saved) ? saved.filter((w) => typeof w.path === 'string' && ['node', 'children', 'subtree'].includes(w.mode)) : [];
  } catch {
    return [];
  }
}

/** The list, read once the page runs in the browser (empty while rendering on the server). */
export function useWatchList(connection: string): [WatchEntry[], (next: WatchEntry[]) => void] {
  const [list, setList] = useState<WatchEntry[]>([]);
  // sessionStorage exists only in the browser: read after mount so server and client render alike.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setList(read(connection)), [connection]);
  const update = (next: WatchEntry[]) => {
    setList(next);
    try {
      sessionStorage.setItem(keyOf(connection), JSON.stringify(next));
    } catch {
      // Not kept across a reload, still watched now.
    }
  };
  return [list, update];
}
