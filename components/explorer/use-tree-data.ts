'use client';

import { useQueries, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { childrenPageQuery, loadedIndexOf, loadedNameAt, loadedStatAt } from '@/lib/client/children';
import { matchesName, NO_FILTER, type NameFilter } from '@/lib/shared/names';
import { baseName, joinPath, parentPath } from '@/lib/shared/path';
import type { ZkStat } from '@/lib/shared/types';
import { ROOT_REF, TreeModel, type NodeRow, type RowRef, type TreeSource } from './tree-model';
import { useChildrenVersion } from './use-children-version';

/** Lists longer than this get a filter box. */
const FILTER_MIN_CHILDREN = 50;

export interface TreeData {
  /** The cache version this was read at (it moves when a name page arrives, fails or goes). */
  version: number;
  source: TreeSource;
  model: TreeModel;
  /** The filter of `path`'s list (NO_FILTER when unfiltered). */
  filterOf(path: string): NameFilter;
  refForPath(path: string): RowRef | undefined;
  nameOf(row: NodeRow): string | undefined;
  pathOf(row: NodeRow): string | undefined;
  /** Undefined until loaded; null when the node vanished since it was listed. */
  statOf(row: NodeRow): ZkStat | null | undefined;
  /** Children in `path`'s (filtered) list, once its first page is loaded. */
  totalOf(path: string): number | undefined;
}

/**
 * What the tree shows, read from the query cache: the first page of every open list lays out
 * its rows (its total), loaded pages name them and stat chunks describe them.
 */
export function useTreeData(client: QueryClient, connection: string, expanded: ReadonlySet<string>, filters: ReadonlyMap<string, NameFilter>): TreeData {
  const filterOf = useCallback((path: string) => filters.get(path) ?? NO_FILTER, [filters]);
  const expandedList = useMemo(() => [...expanded], [expanded]);
  // Re-rendering comes from the cache version below, so these observers stay silent.
  useQueries({
    queries: expandedList.map((p) => ({ ...childrenPageQuery(connection, p, filterOf(p), 0, client), notifyOnChangeProps: [] })),
  });
  const version = useChildrenVersion(client, connection);

  return useMemo(() => {
    const firstPage = (path: string) => client.getQueryState(childrenPageQuery(connection, path, filterOf(path), 0).queryKey);
    const source: TreeSource = {
      list(path) {
        const state = firstPage(path);
        if (state?.data) return { total: state.data.total };
        if (state?.status === 'error') return { error: state.error };
        return 'loading';
      },
      indexInParent(path) {
        const parent = parentPath(path);
        const filter = filterOf(parent);
        const name = baseName(path);
        return matchesName(filter, name) ? loadedIndexOf(client, connection, parent, filter, name) : undefined;
      },
      hasFilter(path) {
        return filters.has(path) || (firstPage(path)?.data?.stat.numChildren ?? 0) > FILTER_MIN_CHILDREN;
      },
    };
    const nameOf = (row: NodeRow) => (row.kind === 'root' ? '/' : loadedNameAt(client, connection, row.parent, filterOf(row.parent), row.index));
    return {
      version,
      source,
      model: new TreeModel(expanded, source),
      filterOf,
      refForPath(path) {
        if (path === '/') return ROOT_REF;
        const index = source.indexInParent(path);
        return index === undefined ? undefined : { parent: parentPath(path), index };
      },
      nameOf,
      pathOf(row) {
        if (row.kind === 'root') return '/';
        const name = nameOf(row);
        return name === undefined ? undefined : joinPath(row.parent, name);
      },
      statOf: (row) => (row.kind === 'root' ? firstPage('/')?.data?.stat : loadedStatAt(client, connection, row.parent, filterOf(row.parent), row.index)),
      totalOf: (path) => firstPage(path)?.data?.total,
    };
  }, [client, connection, expanded, filters, filterOf, version]);
}
