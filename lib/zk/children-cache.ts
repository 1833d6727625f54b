import 'server-only';
import { compareNames } from '@/lib/shared/names';
import { processSingleton } from './singleton';
import type { ZkSession } from './session';
import type { ZkStat } from '@/lib/shared/types';

/**
 * Sorted child lists are kept for a few seconds so that scrolling through a node with 100,000
 * children (one page per request) does not fetch and sort the whole list again for every page.
 * The entry is dropped on any write through this server that touches the parent, and on a
 * children watch event for it.
 */
const CHILDREN_CACHE_IDLE_MS = 3000;
/** A list in constant use (typing in a filter) is still re-read this often. */
const CHILDREN_CACHE_MAX_AGE_MS = 15_000;
const CHILDREN_CACHE_ENTRIES = 32;
interface CachedChildren {
  fetchedAt: number;
  usedAt: number;
  connectionId: string;
  path: string;
  names: string[];
  stat: ZkStat;
}
interface ChildrenCache {
  entries: Map<string, CachedChildren>;
  /** Each session's own number: sessions with other credentials may see other lists (ACLs). */
  serials: WeakMap<ZkSession, number>;
  nextSerial: number;
}
const childrenCache = processSingleton<ChildrenCache>('childrenCache', () => ({ entries: new Map(), serials: new WeakMap(), nextSerial: 1 }));

function cacheKey(session: ZkSession, path: string): string {
  let serial = childrenCache.serials.get(session);
  if (serial === undefined) childrenCache.serials.set(session, (serial = childrenCache.nextSerial++));
  return `${serial}\u0000${path}`;
}

/** Drops the cached child list of `path` for every session of the connection. */
export function invalidateChildren(session: ZkSession, path: string): void {
  for (const [key, entry] of childrenCache.entries) {
    if (entry.path === path && entry.connectionId === session.config.id) childrenCache.entries.delete(key);
  }
}

/** The child list of `path`, sorted; from the cache unless `fresh` or stale. */
export async function sortedChildren(session: ZkSession, path: string, fresh: boolean): Promise<CachedChildren> {
  const key = cacheKey(session, path);
  const cache = childrenCache.entries;
  const hit = cache.get(key);
  const now = Date.now();
  if (!fresh && hit && now - hit.usedAt < CHILDREN_CACHE_IDLE_MS && now - hit.fetchedAt < CHILDREN_CACHE_MAX_AGE_MS) {
    hit.usedAt = now;
    return hit;
  }
  const { children, stat } = await session.run((h) => h.children(path));
  children.sort(compareNames);
  const entry = { fetchedAt: Date.now(), usedAt: Date.now(), connectionId: session.config.id, path, names: children, stat };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CHILDREN_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry;
}
