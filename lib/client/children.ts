/**
 * Child lists, paged on the server. Names come in pages of CHILDREN_PAGE without stats; stats
 * come in small chunks requested only for rows on screen. Prefix filters narrow on the server,
 * and instantly in the browser when the pages already loaded decide the answer.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ZkStat } from '@/lib/zk/types';
import { connectionUrl, requestJson, retryTransient } from './api-client';
import { connectionKey } from './connections';

export const CHILDREN_PAGE = 500;
export const STAT_CHUNK = 50;

export interface ChildEntry {
  name: string;
  /** Only with stat=true; null when the child vanished between listing and stat. */
  stat?: ZkStat | null;
}

export interface ChildrenPage {
  path: string;
  /** The parent's stat. */
  stat: ZkStat;
  /** Children matching the prefix (all children without one). */
  total: number;
  offset: number;
  children: ChildEntry[];
}

interface PageParams {
  prefix: string;
  offset: number;
  limit: number;
  stat: boolean;
}

export const childrenKeys = {
  /** Every list of every node of the connection. */
  all: (connection: string) => [...connectionKey(connection), 'children'] as const,
  /** Every page, filter and stat chunk of one node's list. */
  of: (connection: string, path: string) => [...childrenKeys.all(connection), path] as const,
  page: (connection: string, path: string, params: PageParams) => [...childrenKeys.of(connection, path), params] as const,
};

const STALE_MS = 15_000;

function fetchPage(connection: string, path: string, p: PageParams, signal: AbortSignal) {
  return requestJson<ChildrenPage>(
    connectionUrl(connection, 'children', {
      path,
      offset: p.offset,
      limit: p.limit,
      prefix: p.prefix || undefined,
      stat: p.stat || undefined,
    }),
    { signal },
  );
}

/** Page `page` of the names of `path`'s children starting with `prefix`. */
export function childrenPageQuery(connection: string, path: string, prefix: string, page: number, client?: QueryClient) {
  const params: PageParams = { prefix, offset: page * CHILDREN_PAGE, limit: CHILDREN_PAGE, stat: false };
  // Only consulted when the query is first created; computed once for both fields.
  let local: ReturnType<typeof localPrefixPage> | null = null;
  const fromCache = () => (local ??= client && prefix ? localPrefixPage(client, connection, path, prefix, page) : undefined);
  return queryOptions({
    queryKey: childrenKeys.page(connection, path, params),
    queryFn: ({ signal }) => fetchPage(connection, path, params, signal),
    staleTime: STALE_MS,
    retry: retryTransient,
    initialData: () => fromCache()?.page,
    initialDataUpdatedAt: () => fromCache()?.updatedAt,
  });
}

/** Stats for the STAT_CHUNK children from chunk `chunk` on (the rows on screen). */
export function childStatsQuery(connection: string, path: string, prefix: string, chunk: number) {
  const params: PageParams = { prefix, offset: chunk * STAT_CHUNK, limit: STAT_CHUNK, stat: true };
  return queryOptions({
    queryKey: childrenKeys.page(connection, path, params),
    queryFn: ({ signal }) => fetchPage(connection, path, params, signal),
    staleTime: STALE_MS,
    retry: retryTransient,
  });
}

function lowerBound(names: readonly string[], key: string): number {
  let lo = 0;
  let hi = names.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface CachedPage {
  prefix: string;
  page: ChildrenPage;
  updatedAt: number;
}

/** Name pages of `path` already in the cache, for any prefix. */
function cachedNamePages(client: QueryClient, connection: string, path: string): CachedPage[] {
  const out: CachedPage[] = [];
  for (const q of client.getQueryCache().findAll({ queryKey: childrenKeys.of(connection, path) })) {
    const params = q.queryKey[4] as PageParams | undefined;
    const page = q.state.data as ChildrenPage | undefined;
    if (!params || params.stat || params.limit !== CHILDREN_PAGE || !page) continue;
    out.push({ prefix: params.prefix, page, updatedAt: q.state.dataUpdatedAt });
  }
  return out;
}

/**
 * Answers a prefix filter from pages already loaded for a shorter prefix, when they decide it:
 * names sort by code unit (as on the server), so matches are one contiguous run, and the answer is
 * exact when loaded names (or the list's ends) bracket that run on both sides.
 */
export function localPrefixPage(client: QueryClient, connection: string, path: string, prefix: string, page: number): { page: ChildrenPage; updatedAt: number } | undefined {
  const bySource = new Map<string, CachedPage[]>();
  for (const c of cachedNamePages(client, connection, path)) {
    if (c.prefix === prefix || !prefix.startsWith(c.prefix)) continue;
    bySource.set(c.prefix, [...(bySource.get(c.prefix) ?? []), c]);
  }
  for (const pages of bySource.values()) {
    pages.sort((a, b) => a.page.offset - b.page.offset);
    let i = 0;
    while (i < pages.length) {
      // One run of consecutive pages: [start, end) of the source list.
      const run = [pages[i]];
      while (i + 1 < pages.length && pages[i + 1].page.offset === run[run.length - 1].page.offset + CHILDREN_PAGE) run.push(pages[++i]);
      i++;
      const names = run.flatMap((p) => p.page.children.map((c) => c.name));
      const start = run[0].page.offset;
      const total = run[run.length - 1].page.total;
      const lo = lowerBound(names, prefix);
      let hi = lo;
      while (hi < names.length && names[hi].startsWith(prefix)) hi++;
      const bracketed = (lo > 0 || start === 0) && (hi < names.length || start + names.length >= total);
      if (!bracketed) continue;
      const from = lo + page * CHILDREN_PAGE;
      if (page > 0 && from >= hi) continue;
      return {
        page: {
          path,
          stat: run[0].page.stat,
          total: hi - lo,
          offset: page * CHILDREN_PAGE,
          children: names.slice(from, Math.min(hi, from + CHILDREN_PAGE)).map((name) => ({ name })),
        },
        updatedAt: Math.min(...run.map((p) => p.updatedAt)),
      };
    }
  }
  return undefined;
}

/** The index of `name` in `parent`'s list (filtered by `prefix`) if a loaded page holds it. */
export function loadedIndexOf(client: QueryClient, connection: string, parent: string, prefix: string, name: string): number | undefined {
  for (const c of cachedNamePages(client, connection, parent)) {
    if (c.prefix !== prefix) continue;
    const names = c.page.children;
    if (names.length === 0 || name < names[0].name || name > names[names.length - 1].name) continue;
    const i = lowerBound(names.map((n) => n.name), name);
    if (names[i]?.name === name) return c.page.offset + i;
  }
  return undefined;
}

/**
 * Finds which page of a long list holds `name` by binary search over pages (a deep link into a
 * node with 100,000 children loads about eight pages, not two hundred). Loaded pages stay cached.
 */
export async function locateChild(client: QueryClient, connection: string, parent: string, prefix: string, name: string): Promise<number | undefined> {
  const first = await client.fetchQuery(childrenPageQuery(connection, parent, prefix, 0));
  let lo = 0;
  let hi = Math.max(0, Math.ceil(first.total / CHILDREN_PAGE) - 1);
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const page = mid === 0 ? first : await client.fetchQuery(childrenPageQuery(connection, parent, prefix, mid));
    const names = page.children;
    if (names.length === 0) return undefined;
    if (name < names[0].name) hi = mid - 1;
    else if (name > names[names.length - 1].name) lo = mid + 1;
    else return loadedIndexOf(client, connection, parent, prefix, name);
  }
  return undefined;
}

/** The name at `index` of a list, if its page is loaded. */
export function loadedNameAt(client: QueryClient, connection: string, parent: string, prefix: string, index: number): string | undefined {
  const page = client.getQueryData(childrenPageQuery(connection, parent, prefix, Math.floor(index / CHILDREN_PAGE)).queryKey);
  return page?.children[index - page.offset]?.name;
}

/** The stat of the child at `index`, if its chunk is loaded (null: it vanished meanwhile). */
export function loadedStatAt(client: QueryClient, connection: string, parent: string, prefix: string, index: number): ZkStat | null | undefined {
  const chunk = client.getQueryData(childStatsQuery(connection, parent, prefix, Math.floor(index / STAT_CHUNK)).queryKey);
  return chunk?.children[index - chunk.offset]?.stat;
}
