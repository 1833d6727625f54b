/**
 * The Events log kept across a reload, in this tab's sessionStorage: the stream itself starts
 * afresh after a reload (a new EventSource, new watches), so what the tab saw before is restored
 * from here, marked as such, and changes made while the page was reloading are not claimed.
 */
import type { LogEntry } from './live-frames';

/** Entries kept (the newest); values above VALUE_BYTES are left out of the saved copy. */
const SAVED_ENTRIES = 300;
const VALUE_BYTES = 4096;
const SAVE_DELAY_MS = 500;

const keyOf = (connection: string) => `zooscope:events:${connection}`;

function slim(entry: LogEntry): LogEntry {
  const e = entry.event;
  const big = (size: number | undefined) => size !== undefined && size > VALUE_BYTES;
  const event = (e.type === 'created' || e.type === 'changed') && big(e.data?.size) ? { ...e, data: undefined } : e;
  const before = big(entry.before?.data.size) ? undefined : entry.before;
  return { ...entry, event, before };
}

/** What this tab saved for the connection before the reload, each entry marked `restored`. */
export function restoreLog(connection: string): LogEntry[] {
  if (typeof sessionStorage === 'undefined') return [];
  try {
    const saved = JSON.parse(sessionStorage.getItem(keyOf(connection)) ?? '[]') as LogEntry[];
    return Array.isArray(saved) ? saved.map((entry) => ({ ...entry, restored: true })) : [];
  } catch {
    return [];
  }
}

/** Saves the log a moment after it changed (a burst of events is one write), and at once when the page goes. */
export function logSaver(connection: string): (log: readonly LogEntry[]) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: readonly LogEntry[] | null = null;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (latest === null) return;
    try {
      sessionStorage.setItem(keyOf(connection), JSON.stringify(latest.slice(-SAVED_ENTRIES).map(slim)));
    } catch {
      // Storage full or refused: the log still works, it is just not kept across a reload.
    }
    latest = null;
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return (log) => {
    latest = log;
    if (timer === undefined && typeof sessionStorage !== 'undefined') timer = setTimeout(flush, SAVE_DELAY_MS);
  };
}
