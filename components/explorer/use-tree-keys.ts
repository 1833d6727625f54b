'use client';

import { useRef, type KeyboardEvent } from 'react';
import { isNodeRow, type NodeRow, type TreeModel } from './tree-model';

const TYPEAHEAD_RESET_MS = 700;
/** Type-ahead looks this far ahead (loaded names only), so a key press stays instant. */
const TYPEAHEAD_SCAN = 5000;

interface TreeKeyContext {
  model: TreeModel;
  focusIndex: number;
  isExpanded(path: string): boolean;
  nameOf(row: NodeRow): string | undefined;
  pathOf(row: NodeRow): string | undefined;
  /** True until the stat says otherwise. */
  hasChildren(row: NodeRow): boolean;
  hasFilter(path: string): boolean;
  focusIndexAt(index: number | undefined): void;
  focusRowOf(path: string): void;
  toggle(path: string, open?: boolean): void;
  openNode(path: string): void;
  focusFilter(path: string): void;
}

/** The WAI-ARIA tree keyboard model: arrows, Home/End, Enter/Space, type-ahead, and "/" for the list's filter. */
export function useTreeKeys(c: TreeKeyContext): (e: KeyboardEvent<HTMLDivElement>) => void {
  const typed = useRef({ text: '', at: 0 });

  const nextNodeRow = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < c.model.count; i += step) if (isNodeRow(c.model.rowAt(i))) return i;
    return undefined;
  };

  const typeAhead = (key: string) => {
    const now = Date.now();
    const t = typed.current;
    t.text = now - t.at > TYPEAHEAD_RESET_MS ? key : t.text + key;
    t.at = now;
    const needle = t.text.toLowerCase();
    const start = t.text.length === 1 ? c.focusIndex + 1 : c.focusIndex;
    for (let k = 0; k < Math.min(c.model.count, TYPEAHEAD_SCAN); k++) {
      const i = (start + k) % c.model.count;
      const row = c.model.rowAt(i);
      if (isNodeRow(row) && c.nameOf(row)?.toLowerCase().startsWith(needle)) return c.focusIndexAt(i);
    }
  };

  return (e) => {
    if (e.target instanceof HTMLElement && !e.target.matches('[role="treeitem"]')) return;
    const row = c.model.rowAt(c.focusIndex);
    if (!isNodeRow(row) || e.ctrlKey || e.metaKey || e.altKey) return;
    const path = c.pathOf(row);
    const open = path !== undefined && c.isExpanded(path) && c.hasChildren(row);
    switch (e.key) {
      case 'ArrowDown':
        c.focusIndexAt(nextNodeRow(c.focusIndex, 1));
        break;
      case 'ArrowUp':
        c.focusIndexAt(nextNodeRow(c.focusIndex, -1));
        break;
      case 'Home':
        c.focusIndexAt(0);
        break;
      case 'End':
        c.focusIndexAt(nextNodeRow(c.model.count, -1));
        break;
      case 'ArrowRight': {
        if (path === undefined || !c.hasChildren(row)) break;
        if (!open) c.toggle(path, true);
        const next = open ? nextNodeRow(c.focusIndex, 1) : undefined;
        const child = next === undefined ? undefined : c.model.rowAt(next);
        if (child?.kind === 'child' && child.parent === path) c.focusIndexAt(next);
        break;
      }
      case 'ArrowLeft':
        if (open) c.toggle(path, false);
        else if (row.kind === 'child') c.focusRowOf(row.parent);
        break;
      case 'Enter':
      case ' ':
        if (path !== undefined) c.openNode(path);
        break;
      case '/': {
        const list = open && c.hasFilter(path) ? path : row.kind === 'child' && c.hasFilter(row.parent) ? row.parent : undefined;
        if (list !== undefined) c.focusFilter(list);
        break;
      }
      default:
        // "?" stays the global shortcut for the help dialog.
        if (e.key.length !== 1 || e.key === '?') return;
        typeAhead(e.key);
    }
    e.preventDefault();
    e.stopPropagation();
  };
}
