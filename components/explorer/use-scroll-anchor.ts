'use client';

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { isNodeRow, type TreeModel } from './tree-model';
import type { TreeData } from './use-tree-data';

interface Anchor {
  model: TreeModel;
  path: string;
  index: number;
}

/** Rows looked at from the top of the view for one whose node is known (a page may still be loading). */
const LOOK_AHEAD = 8;

function firstNodeInView(el: HTMLElement, model: TreeModel, data: TreeData, rowHeight: number): Anchor | null {
  const top = Math.max(0, Math.ceil(el.scrollTop / rowHeight));
  for (let i = top; i < Math.min(model.count, top + LOOK_AHEAD); i++) {
    const row = model.rowAt(i);
    const path = isNodeRow(row) ? data.pathOf(row) : undefined;
    if (path !== undefined) return { model, path, index: i };
  }
  return null;
}

/**
 * The tree's own scroll anchoring (the browser's is off: the rows are positioned, not in flow).
 * Rows added or removed above the view (a change made elsewhere, arriving live) would shift every
 * row in it; the scroll offset follows the first node in view instead, so what the operator is
 * reading stays where it is. Changes inside the view (an expanded row, a new sibling on screen)
 * move nothing above them, as in a document.
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
      const ref = data.refForPath(before.path);
      const index = ref && model.indexOf(ref);
      if (index !== undefined && index !== before.index) el.scrollTop += (index - before.index) * rowHeight;
    }
    anchor.current = firstNodeInView(el, model, data, rowHeight);
  });

  // Scrolling moves the anchor without a new list.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      anchor.current = firstNodeInView(el, latest.current.model, latest.current.data, rowHeight);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef, rowHeight]);
}
