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
  /** Rows that fit in the tree's viewport (PageUp/PageDown move by this). */
  pageRows(): number;
  /**
   * Type-ahead beyond the loaded names: the first child of `parent` whose name starts with
   * `typed`, found by the server (a long list holds most names unloaded).
   */
  seek(parent: string, typed: string): void;
  /** The Delete key: ask to delete the node (its panel's dialog confirms). */
  deleteNode(path: string): void;
  /** Whether `parent`'s list spans several pages (most of its names then are not loaded). */
  isLongList(parent: string): boolean;
}

/** The WAI-ARIA tree keyboard model: arrows, PageUp/PageDown, Home/End, Enter/Space, type-ahead, and "/" for the list's filter. */
export function useTreeKeys(c: TreeKeyContext): (e: KeyboardEvent<HTMLDivElement>) => void {
  const typed = useRef({ text: '', at: 0 });

  const nextNodeRow = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < c.model.count; i += step) if (isNodeRow(c.model.rowAt(i))) return i;
    return undefined;
  };

  /** The node row `rows` away from the focus, stopping at the ends. */
  const nodeRowBy = (rows: number) => {
    const step = rows > 0 ? 1 : -1;
    const target = Math.max(0, Math.min(c.model.count - 1, c.focusIndex + rows));
    for (let i = target; i >= 0 && i < c.model.count; i -= step) if (isNodeRow(c.model.rowAt(i))) return i;
    return nextNodeRow(c.focusIndex, step);
  };

  const typeAhead = (key: string, row: NodeRow) => {
    const now = Date.now();
    const t = typed.current;
    t.text = now - t.at > TYPEAHEAD_RESET_MS ? key : t.text + key;
    t.at = now;
    // In a long list most names are not loaded: the server knows where the typed name would be.
    if (row.kind === 'child' && c.isLongList(row.parent)) return c.seek(row.parent, t.text);
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
      case 'PageDown':
        c.focusIndexAt(nodeRowBy(c.pageRows()));
        break;
      case 'PageUp':
        c.focusIndexAt(nodeRowBy(-c.pageRows()));
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
      case 'Delete':
        if (path !== undefined) c.deleteNode(path);
        break;
      case '/': {
        const list = open && c.hasFilter(path) ? path : row.kind === 'child' && c.hasFilter(row.parent) ? row.parent : undefined;
        if (list !== undefined) c.focusFilter(list);
        break;
      }
      default:
        // "?" stays the global shortcut for the help dialog.
        if (e.key.length !== 1 || e.key === '?') return;
        typeAhead(e.key, row);
    }
    e.preventDefault();
    e.stopPropagation();
  };
}
