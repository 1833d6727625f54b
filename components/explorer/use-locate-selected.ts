'use client';

import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { locateChild } from '@/lib/client/children';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { ancestors, baseName, parentPath } from '@/lib/shared/path';
import type { RowRef, TreeSource } from './tree-model';
import type { TreeData } from './use-tree-data';

/**
 * Deep links into long lists: finds the page holding each ancestor of the selected node,
 * outermost first (each is looked for once per filter). Returns the selected row once placed.
 */
export function useLocateSelected(client: QueryClient, connection: string, selected: string, expanded: ReadonlySet<string>, data: TreeData): RowRef | undefined {
  const located = useRef(new Set<string>());
  const { filterOf } = data;
  const selectedRef = data.refForPath(selected);
  const toLocate = selectedRef === undefined ? pendingAncestor(selected, expanded, data.source) : undefined;
  const filter = toLocate === undefined ? undefined : filterOf(parentPath(toLocate));
  const locateKey = toLocate && filter && `${toLocate}\u0000${filter.prefix}\u0000${filter.contains}`;
  useEffect(() => {
    if (!toLocate || !locateKey || located.current.has(locateKey)) return;
    located.current.add(locateKey);
    const parent = parentPath(toLocate);
    locateChild(client, connection, parent, filterOf(parent), baseName(toLocate)).catch(() => located.current.delete(locateKey));
  }, [client, connection, locateKey, filterOf, toLocate]);
  return selectedRef;
}

/** The outermost ancestor of `path` (or itself) not yet found in its parent's long, open list. */
function pendingAncestor(path: string, expanded: ReadonlySet<string>, source: TreeSource): string | undefined {
  for (const p of ancestors(path).slice(1)) {
    const parent = parentPath(p);
    const state = source.list(parent);
    if (!expanded.has(parent) || typeof state !== 'object' || 'error' in state) return undefined;
    if (source.indexInParent(p) !== undefined) continue;
    return state.total > CHILDREN_PAGE_SIZE ? p : undefined;
  }
  return undefined;
}
