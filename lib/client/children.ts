/**
 * Child lists, paged on the server. Names come in pages of CHILDREN_PAGE_SIZE without stats; stats
 * come in small chunks requested only for rows on screen. Prefix and substring filters narrow on
 * the server, and instantly in the browser when the pages already loaded decide the answer.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { isFiltered, lowerBound, matchesName, sameFilter, type NameFilter } from '@/lib/shared/names';
import type { ZkStat } from '@/lib/shared/types';
import type { ChildrenPage } from '@/lib/shared/wire';
import { connectionUrl, requestJson, retryTransient } from './api-client';
import { childrenKeys, parseConnectionQueryKey, type ChildrenPageParams } from './query-keys';

export const STAT_CHUNK = 50;

const STALE_MS = 15_000;

function fetchPage(connection: string, path: string, p: ChildrenPageParams, signal: AbortSignal) {
  return requestJson<ChildrenPage>(
    connectionUrl(connection, 'children', {
      path,
      offset: p.offset,
      limit: p.limit,
      prefix: p.prefix || undefined,
      contains: p.contains || undefined,
      stat: p.stat || undefined,
    }),
    { signal },
  );
}

/** Page `page` of the names of `path`'s children matching `filter`. */
export function childrenPageQuery(connection: string, path: string, filter: NameFilter, page: number, client?: QueryClient) {
  const params: ChildrenPageParams = { ...filter, offset: page * CHILDREN_PAGE_SIZE, limit: CHILDREN_PAGE_SIZE, stat: false };
  // Only consulted when the query is first created; computed once for both fields.
  let local: ReturnType<typeof localFilterPage> | null = null;
  const fromCache = () => (local ??= client && isFiltered(filter) ? localFilterPage(client, connection, path, filter, page) : undefined);
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
export function childStatsQuery(connection: string, path: string, filter: NameFilter, chunk: number) {
  const params: ChildrenPageParams = { ...filter, offset: chunk * STAT_CHUNK, limit: STAT_CHUNK, stat: true };
  return queryOptions({
    queryKey: childrenKeys.page(connection, path, params),
    queryFn: ({ signal }) => fetchPage(connection, path, params, signal),
    staleTime: STALE_MS,
    retry: retryTransient,
  });
}

interface CachedPage {
  filter: NameFilter;
  page: ChildrenPage;
  updatedAt: number;
}

/** Name pages of `path` already in the cache, for any filter. */
function cachedNamePages(client: QueryClient, connection: string, path: string): CachedPage[] {
  const out: CachedPage[] = [];
  for (const q of client.getQueryCache().findAll({ queryKey: childrenKeys.of(connection, path) })) {
    const key = parseConnectionQueryKey(q.queryKey, connection);
    const page = q.state.data as ChildrenPage | undefined;
    if (key?.resource !== 'children' || key.params.stat || key.params.limit !== CHILDREN_PAGE_SIZE || !page) continue;
    out.push({ filter: { prefix: key.params.prefix, contains: key.params.contains }, page, updatedAt: q.state.dataUpdatedAt });
  }
  return out;
}

interface Run {
  start: number;
  names: string[];
  updatedAt: number;
}

/** Loaded pages of one list as runs of consecutive names. */
function runsOf(pages: CachedPage[]): Run[] {
  const runs: Run[] = [];
  for (const p of [...pages].sort((a, b) => a.page.offset - b.page.offset)) {
    const last = runs[runs.length - 1];
    const names = p.page.children.map((c) => c.name);
    if (last && last.start + last.names.length === p.page.offset) {
      last.names.push(...names);
      last.updatedAt = Math.min(last.updatedAt, p.updatedAt);
    } else {
      runs.push({ start: p.page.offset, names, updatedAt: p.updatedAt });
    }
  }
  return runs;
}

/**
 * Where the names starting with `prefix` lie in a list of `total` names, [from, to), when the
 * loaded runs decide it: names sort by code unit (as on the server), so the matches are one
 * contiguous block, known once loaded names (or the list's ends) bound it on both sides.
 */
function matchBlock(runs: Run[], total: number, prefix: string): { from: number; to: number } | undefined {
  const spans = runs.map((r) => {
    const lo = lowerBound(r.names, prefix);
    let hi = lo;
    while (hi < r.names.length && r.names[hi].startsWith(prefix)) hi++;
    return { r, lo, hi, end: r.start + r.names.length };
  });
  const matching = spans.filter((s) => s.hi > s.lo);
  if (matching.length === 0) {
    // No loaded match: known empty when a loaded boundary sits where the matches would be.
    const empty = spans.some((s) => (s.lo > 0 || s.r.start === 0) && (s.lo < s.r.names.length || s.end >= total));
    return empty ? { from: 0, to: 0 } : undefined;
  }
  const first = matching[0];
  const last = matching[matching.length - 1];
  const fromKnown = first.lo > 0 || first.r.start === 0;
  const toKnown = last.hi < last.r.names.length || last.end >= total;
  return fromKnown && toKnown ? { from: first.r.start + first.lo, to: last.r.start + last.hi } : undefined;
}

/** A page of the `filter`ed list, cut from the sorted matches `names` (the whole filtered list). */
function pageOf(path: string, stat: ZkStat, names: string[], page: number): ChildrenPage {
  const from = page * CHILDREN_PAGE_SIZE;
  return { path, stat, total: names.length, offset: from, children: names.slice(from, from + CHILDREN_PAGE_SIZE).map((name) => ({ name })) };
}

/** `filter` only narrows `source`: every name matching filter matches source too. */
const narrows = (filter: NameFilter, source: NameFilter) => filter.prefix.startsWith(source.prefix) && filter.contains.includes(source.contains);

/**
 * Answers a filter from pages already loaded for a looser one, when they decide it: a source
 * list loaded whole answers any narrower filter; otherwise a longer prefix of the same substring
 * is one block of the source (see matchBlock), answered when a loaded run holds the page asked for.
 */
export function localFilterPage(client: QueryClient, connection: string, path: string, filter: NameFilter, page: number): { page: ChildrenPage; updatedAt: number } | undefined {
  const bySource = new Map<string, CachedPage[]>();
  for (const c of cachedNamePages(client, connection, path)) {
    if (sameFilter(c.filter, filter) || !narrows(filter, c.filter)) continue;
    const whole = c.page.offset === 0 && c.page.children.length >= c.page.total;
    if (whole) {
      const names = c.page.children.map((n) => n.name).filter((n) => matchesName(filter, n));
      if (page === 0 || page * CHILDREN_PAGE_SIZE < names.length) return { page: pageOf(path, c.page.stat, names, page), updatedAt: c.updatedAt };
    }
    if (c.filter.contains !== filter.contains) continue;
    const id = `${c.filter.prefix}\u0000${c.filter.contains}`;
    bySource.set(id, [...(bySource.get(id) ?? []), c]);
  }
  const prefix = filter.prefix;
  for (const pages of bySource.values()) {
    const runs = runsOf(pages);
    const block = matchBlock(runs, pages[0].page.total, prefix);
    if (!block) continue;
    const from = block.from + page * CHILDREN_PAGE_SIZE;
    const to = Math.min(block.to, from + CHILDREN_PAGE_SIZE);
    if (page > 0 && from >= block.to) continue;
    const run = runs.find((r) => r.start <= from && to <= r.start + r.names.length);
    if (!run) continue;
    return {
      page: {
        path,
        stat: pages[0].page.stat,
        total: block.to - block.from,
        offset: page * CHILDREN_PAGE_SIZE,
        children: run.names.slice(from - run.start, to - run.start).map((name) => ({ name })),
      },
      updatedAt: run.updatedAt,
    };
  }
  return undefined;
}

/** The index of `name` in `parent`'s list (narrowed by `filter`) if a loaded page holds it. */
export function loadedIndexOf(client: QueryClient, connection: string, parent: string, filter: NameFilter, name: string): number | undefined {
  for (const c of cachedNamePages(client, connection, parent)) {
    if (!sameFilter(c.filter, filter)) continue;
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
export async function locateChild(client: QueryClient, connection: string, parent: string, filter: NameFilter, name: string): Promise<number | undefined> {
  const first = await client.fetchQuery(childrenPageQuery(connection, parent, filter, 0));
  let lo = 0;
  let hi = Math.max(0, Math.ceil(first.total / CHILDREN_PAGE_SIZE) - 1);
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const page = mid === 0 ? first : await client.fetchQuery(childrenPageQuery(connection, parent, filter, mid));
    const names = page.children;
    if (names.length === 0) return undefined;
    if (name < names[0].name) hi = mid - 1;
    else if (name > names[names.length - 1].name) lo = mid + 1;
    else return loadedIndexOf(client, connection, parent, filter, name);
  }
  return undefined;
}

/** The name at `index` of a list, if its page is loaded. */
export function loadedNameAt(client: QueryClient, connection: string, parent: string, filter: NameFilter, index: number): string | undefined {
  const page = client.getQueryData(childrenPageQuery(connection, parent, filter, Math.floor(index / CHILDREN_PAGE_SIZE)).queryKey);
  return page?.children[index - page.offset]?.name;
}

/** The stat of the child at `index`, if its chunk is loaded (null: it vanished meanwhile). */
export function loadedStatAt(client: QueryClient, connection: string, parent: string, filter: NameFilter, index: number): ZkStat | null | undefined {
  const chunk = client.getQueryData(childStatsQuery(connection, parent, filter, Math.floor(index / STAT_CHUNK)).queryKey);
  return chunk?.children[index - chunk.offset]?.stat;
}
