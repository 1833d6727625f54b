'use client';

import type { VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useLiveClient } from '@/components/live/use-live';
import { WatchWindow } from '@/lib/client/watch-window';
import { isNodeRow, type NodeRow, type TreeModel } from './tree-model';

/** The paths of the node rows rendered (the virtual window and its overscan). */
function rowPaths(model: TreeModel, items: readonly VirtualItem[], pathOf: (row: NodeRow) => string | undefined): string {
  const out: string[] = [];
  for (const item of items) {
    const row = model.rowAt(item.index);
    const path = isNodeRow(row) ? pathOf(row) : undefined;
    if (path !== undefined) out.push(path);
  }
  return out.join('\u0000');
}

/**
 * Keeps every node row on screen true: a children watch per row (its count and expander follow
 * creates and deletes below it), shared through the server's watch hub with the tree's expanded
 * lists. Updated when scrolling settles, so a fast scroll arms nothing on the way.
 */
export function useRowWatches(model: TreeModel, items: readonly VirtualItem[], pathOf: (row: NodeRow) => string | undefined, settled: boolean): void {
  const live = useLiveClient();
  const window = useRef<WatchWindow | null>(null);
  useEffect(() => {
    if (!live) return;
    const w = new WatchWindow((path) => live.watch(path, 'children'));
    window.current = w;
    return () => {
      w.dispose();
      if (window.current === w) window.current = null;
    };
  }, [live]);
  const key = rowPaths(model, items, pathOf);
  useEffect(() => {
    if (settled) window.current?.show(key ? key.split('\u0000') : []);
  }, [key, settled, live]);
}
