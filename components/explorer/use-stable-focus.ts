'use client';

import { useLayoutEffect, useRef } from 'react';
import type { TreeData } from './use-tree-data';
import { isNodeRow, type RowRef, type TreeModel } from './tree-model';

const sameRef = (a: RowRef, b: RowRef) => a.parent === b.parent && (a.parent === null || a.index === (b as { index: number }).index);

/**
 * The focus is a place in a list; when names are added or removed before it (a live change made
 * elsewhere), that place holds another node. This moves the focus back onto the node it was on.
 * Moves made by the operator are left alone: only a change of the lists re-resolves.
 */
export function useStableFocus(model: TreeModel, data: TreeData, focus: RowRef, focusIndex: number, setFocus: (ref: RowRef) => void): void {
  const last = useRef<{ focus: RowRef; path: string | undefined } | null>(null);
  useLayoutEffect(() => {
    const before = last.current;
    if (before && before.focus === focus && before.path !== undefined) {
      const ref = data.refForPath(before.path);
      if (ref && !sameRef(ref, focus)) return setFocus(ref);
    }
    const row = model.rowAt(focusIndex);
    last.current = { focus, path: isNodeRow(row) ? data.pathOf(row) : undefined };
  }, [model, data, focus, focusIndex, setFocus]);
}
