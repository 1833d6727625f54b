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
  stat?: boolean;
  /** Bypass the short-lived cache (first page of a fresh expand). */
  fresh?: boolean;
}

export async function listChildren(session: ZkSession, path: string, query: ChildrenQuery = {}): Promise<ChildrenPage> {
  assertPath(path);
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(CHILDREN_MAX_LIMIT, Math.max(1, query.limit ?? CHILDREN_PAGE_SIZE));
  // A first unfiltered page re-reads the list; later pages and filter keystrokes reuse it.
  const { names, stat } = await sortedChildren(session, path, query.fresh ?? (offset === 0 && !query.prefix));
  let start = 0;
  let end = names.length;
  if (query.prefix) {
    // Sorted names with a common prefix are contiguous: two binary searches find them.
    start = lowerBound(names, query.prefix);
    end = start;
    while (end < names.length && names[end].startsWith(query.prefix)) end++;
  }
  const total = end - start;
  const page = names.slice(start + offset, Math.min(end, start + offset + limit));
  const children: ChildrenPage['children'] = page.map((name) => ({ name }));
  if (query.stat) {
    const stats = await mapLimit(page, 64, (name) =>
      session.run((h) => h.exists(joinPath(path, name))).catch((e) => (isZkError(e) && e.code === 'NO_NODE' ? null : Promise.reject(e))),
    );
    children.forEach((c, i) => (c.stat = stats[i]));
  }
  return { path, stat, total, offset, children };
}
