'use client';

import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { VirtualItem } from '@tanstack/react-virtual';
import { childrenPageQuery, childStatsQuery, STAT_CHUNK } from '@/lib/client/children';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import type { NameFilter } from '@/lib/shared/names';
import type { TreeModel } from './tree-model';

interface ListSlice {
  parent: string;
  filter: NameFilter;
  index: number;
}

function slices(model: TreeModel, items: readonly VirtualItem[], filterOf: (path: string) => NameFilter, size: number): ListSlice[] {
  const out = new Map<string, ListSlice>();
  for (const item of items) {
    const row = model.rowAt(item.index);
    if (row.kind !== 'child') continue;
    const slice = { parent: row.parent, filter: filterOf(row.parent), index: Math.floor(row.index / size) };
    out.set(`${slice.parent}\u0000${slice.filter.prefix}\u0000${slice.filter.contains}\u0000${slice.index}`, slice);
  }
  return [...out.values()];
}

/** A signature of the results: the tree re-renders when one of them changes, and reads the cache. */
const signature = (results: ReadonlyArray<{ dataUpdatedAt: number; status: string }>) => results.map((r) => `${r.dataUpdatedAt}${r.status}`).join();

/**
 * Loads what the rows on screen show: the name pages they fall in, and the stats of just those
 * rows (in small chunks, once scrolling settles). One observer per page, not one per row.
 */
export function useVisiblePages(connection: string, client: QueryClient, model: TreeModel, items: readonly VirtualItem[], filterOf: (path: string) => NameFilter, statsEnabled: boolean): void {
  useQueries({
    queries: slices(model, items, filterOf, CHILDREN_PAGE_SIZE).map((s) => childrenPageQuery(connection, s.parent, s.filter, s.index, client)),
    combine: signature,
  });
  useQueries({
    queries: slices(model, items, filterOf, STAT_CHUNK).map((s) => ({ ...childStatsQuery(connection, s.parent, s.filter, s.index), enabled: statsEnabled })),
    combine: signature,
  });
}
