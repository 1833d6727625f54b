'use client';

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { isNodeRow, refOf, type RowRef, type TreeModel } from './tree-model';
import type { TreeData } from './use-tree-data';

/** A row by what it shows: a node by its path once its name is known, else by its place in its list. */
type Anchor = { model: TreeModel; index: number } & ({ path: string } | { ref: RowRef });

/**
 * The top row in view, even if only partly: a change inside it or below it (the row expanded, a
 * loading row becoming children) then moves nothing. A filter, loading, empty or error row stands
 * for the node whose list it heads, just above it.
 */
function topAnchor(el: HTMLElement, model: TreeModel, data: TreeData, rowHeight: number): Anchor | null {
  for (let i = Math.min(Math.floor(el.scrollTop / rowHeight), model.count - 1); i >= 0; i--) {
    const row = model.rowAt(i);
    if (!isNodeRow(row)) continue;
    const path = data.pathOf(row);
    return path !== undefined ? { model, index: i, path } : { model, index: i, ref: refOf(row) };
  }
  return null;
}

/**
 * The tree's own scroll anchoring (the browser's is off: the rows are positioned, not in flow).
 * Rows added or removed above the view (a change made elsewhere, arriving live) would shift every
 * row in it; the scroll offset follows the top row in view instead, so what the operator is
 * reading stays where it is, as in a document.
 */
export function useScrollAnchor(scrollRef: RefObject<HTMLElement | null>, model: TreeModel, data: TreeData, rowHeight: number): void {
  const anchor = useRef<Anchor | null>(null);
  const latest = useRef({ model, data });

  useLayoutEffect(() => {
    latest.current = { model, data };
    const el = scrollRef.current;
    if (!el) return;
    const before = anchor.current;
    if (before && before.model !== model) {
      const ref = 'path' in before ? data.refForPath(before.path) : before.ref;
      const index = ref && model.indexOf(ref);
      if (index !== undefined && index !== before.index) el.scrollTop += (index - before.index) * rowHeight;
    }
    anchor.current = topAnchor(el, model, data, rowHeight);
  });

  // Scrolling moves the anchor without a new list.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      anchor.current = topAnchor(el, latest.current.model, latest.current.data, rowHeight);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef, rowHeight]);
}
