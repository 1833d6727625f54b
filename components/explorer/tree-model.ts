/**
 * The tree as a flat list of visible rows without materialising them: a node with 100,000
 * children is one "range" block, so building the list costs O(expanded nodes), and finding
 * row i is a binary search over blocks.
 */
import { parentPath } from '@/lib/shared/path';

/** What is known about an expanded node's (filtered) child list. */
export type ListState = { total: number } | 'loading' | { error: unknown };

export interface TreeSource {
  list(path: string): ListState;
  /** Index of `path` in its parent's filtered list, when a loaded page holds it. */
  indexInParent(path: string): number | undefined;
  /** Whether the node's list gets a filter box (long lists, or a filter is set). */
  hasFilter(path: string): boolean;
}

export type Row =
  | { kind: 'root'; level: 1 }
  | { kind: 'child'; parent: string; index: number; level: number; setSize: number }
  | { kind: 'filter'; path: string; level: number }
  | { kind: 'loading'; path: string; level: number }
  | { kind: 'empty'; path: string; level: number }
  | { kind: 'error'; path: string; level: number; error: unknown };

type BlockBody = { count: number } & (
  | { row: Exclude<Row, { kind: 'child' }> }
  | { row?: undefined; parent: string; from: number; level: number; setSize: number }
);
type Block = BlockBody & { start: number };

/** A position in the tree that survives expanding and collapsing elsewhere. */
export type RowRef = { parent: null } | { parent: string; index: number };

export const ROOT_REF: RowRef = { parent: null };

export class TreeModel {
  readonly count: number;
  private readonly blocks: Block[];
  private readonly ranges = new Map<string, Block[]>();

  constructor(expanded: ReadonlySet<string>, source: TreeSource) {
    const blocks: Block[] = [];
    let start = 0;
    const push = (block: BlockBody) => {
      blocks.push({ ...block, start });
      start += block.count;
    };
    // Expanded nodes grouped under their parents, so each list knows which of its rows open up.
    const expandedUnder = new Map<string, string[]>();
    for (const p of expanded) {
      if (p === '/') continue;
      const parent = parentPath(p);
      expandedUnder.set(parent, [...(expandedUnder.get(parent) ?? []), p]);
    }
    const visit = (path: string, level: number) => {
      if (!expanded.has(path)) return;
      const childLevel = level + 1;
      if (source.hasFilter(path)) push({ count: 1, row: { kind: 'filter', path, level: childLevel } });
      const state = source.list(path);
      if (state === 'loading') return push({ count: 1, row: { kind: 'loading', path, level: childLevel } });
      if ('error' in state) return push({ count: 1, row: { kind: 'error', path, level: childLevel, error: state.error } });
      const { total } = state;
      // An empty list shows nothing, unless a filter emptied it.
      if (total === 0) return source.hasFilter(path) ? push({ count: 1, row: { kind: 'empty', path, level: childLevel } }) : undefined;
      const open = (expandedUnder.get(path) ?? [])
        .map((p) => ({ p, index: source.indexInParent(p) }))
        .filter((c): c is { p: string; index: number } => c.index !== undefined && c.index < total)
        .sort((a, b) => a.index - b.index);
      let cursor = 0;
      const range = (to: number) => {
        if (to > cursor) push({ count: to - cursor, parent: path, from: cursor, level: childLevel, setSize: total });
        cursor = to;
      };
      for (const child of open) {
        range(child.index + 1);
        visit(child.p, childLevel);
      }
      range(total);
    };
    push({ count: 1, row: { kind: 'root', level: 1 } });
    visit('/', 1);
    this.blocks = blocks;
    this.count = start;
    for (const b of blocks) if (b.row === undefined) this.ranges.set(b.parent, [...(this.ranges.get(b.parent) ?? []), b]);
  }

  private blockAt(i: number): Block {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.blocks[mid].start <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.blocks[lo];
  }

  rowAt(i: number): Row {
    const b = this.blockAt(i);
    if (b.row !== undefined) return b.row;
    return { kind: 'child', parent: b.parent, index: b.from + (i - b.start), level: b.level, setSize: b.setSize };
  }

  /** The flat index of a row, if it is visible (its ancestors expanded and listed). */
  indexOf(ref: RowRef): number | undefined {
    if (ref.parent === null) return 0;
    for (const b of this.ranges.get(ref.parent) ?? []) {
      if (b.row === undefined && ref.index >= b.from && ref.index < b.from + b.count) return b.start + (ref.index - b.from);
    }
    return undefined;
  }

  /** The flat index of a list's filter row. */
  filterIndexOf(path: string): number | undefined {
    return this.blocks.find((b) => b.row?.kind === 'filter' && b.row.path === path)?.start;
  }
}

/** A row that is a node (not a filter box or a status line). */
export type NodeRow = Extract<Row, { kind: 'root' | 'child' }>;

export function isNodeRow(row: Row): row is NodeRow {
  return row.kind === 'root' || row.kind === 'child';
}

export function refOf(row: NodeRow): RowRef {
  return row.kind === 'root' ? ROOT_REF : { parent: row.parent, index: row.index };
}
