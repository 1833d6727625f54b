/** The last nodes visited on each connection, kept in this browser (localStorage). */
import { useSyncExternalStore } from 'react';
import { subscribeLocal, writeLocal } from './local-store';

export const RECENT_MAX = 20;
const key = (connection: string) => `zooscope:recent:${connection}`;
const cache = new Map<string, { raw: string | null; paths: string[] }>();
const NONE: string[] = [];

function read(connection: string): string[] {
  const raw = localStorage.getItem(key(connection));
  const hit = cache.get(connection);
  if (hit && hit.raw === raw) return hit.paths;
  let paths: string[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) paths = parsed.filter((p): p is string => typeof p === 'string').slice(0, RECENT_MAX);
  } catch {
    // A damaged entry starts the list afresh.
  }
  cache.set(connection, { raw, paths });
  return paths;
}

/** Puts `path` first in the connection's recent list. */
export function recordVisit(connection: string, path: string): void {
  const current = read(connection);
  if (current[0] === path) return;
  const next = [path, ...current.filter((p) => p !== path)].slice(0, RECENT_MAX);
  writeLocal(key(connection), JSON.stringify(next));
}

/** The connection's recent nodes, newest first (none while rendering on the server). */
export function useRecentNodes(connection: string): string[] {
  return useSyncExternalStore(subscribeLocal, () => read(connection), () => NONE);
}
