import 'server-only';
import { assertPath } from './assert-path';
import { sortedChildren } from './children-cache';
import { isZkError } from './errors';
import { mapLimit } from './map-limit';
import { CHILDREN_MAX_LIMIT, CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { lowerBound } from '@/lib/shared/names';
import { joinPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import type { ChildrenPage } from '@/lib/shared/wire';

/** One page of a node's children, served from the sorted list (see children-cache.ts). */

export interface ChildrenQuery {
  offset?: number;
  limit?: number;
  prefix?: string;
  /** Names containing this substring (within the prefix range when both are given). */
  contains?: string;
  stat?: boolean;
  /** Bypass the short-lived cache (first page of a fresh expand). */
  fresh?: boolean;
}

/** The sorted names matching the filter, still sorted. */
function filterNames(names: string[], prefix: string, contains: string): string[] {
  let start = 0;
  let end = names.length;
  if (prefix) {
    // Sorted names with a common prefix are contiguous: two binary searches find them.
    start = lowerBound(names, prefix);
    end = start;
    while (end < names.length && names[end].startsWith(prefix)) end++;
  }
  const range = start === 0 && end === names.length ? names : names.slice(start, end);
  // A substring has no order to search by: a linear scan (100,000 names take about a millisecond).
  return contains ? range.filter((n) => n.includes(contains)) : range;
}

export async function listChildren(session: ZkSession, path: string, query: ChildrenQuery = {}): Promise<ChildrenPage> {
  assertPath(path);
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(CHILDREN_MAX_LIMIT, Math.max(1, query.limit ?? CHILDREN_PAGE_SIZE));
  // A first unfiltered page re-reads the list; later pages and filter keystrokes reuse it.
  const { names, stat } = await sortedChildren(session, path, query.fresh ?? (offset === 0 && !query.prefix && !query.contains));
  const matches = filterNames(names, query.prefix ?? '', query.contains ?? '');
  const total = matches.length;
  const page = matches.slice(offset, offset + limit);
  const children: ChildrenPage['children'] = page.map((name) => ({ name }));
  if (query.stat) {
    const stats = await mapLimit(page, 64, (name) =>
      session.run((h) => h.exists(joinPath(path, name))).catch((e) => (isZkError(e) && e.code === 'NO_NODE' ? null : Promise.reject(e))),
    );
    children.forEach((c, i) => (c.stat = stats[i]));
  }
  return { path, stat, total, offset, children };
}
