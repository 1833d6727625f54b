/**
 * The differences of a comparison as a tree for display: each difference placed at its path
 * (folders that only hold differences below them are created on the way), with counts per folder
 * of what is below. "Added" and "removed" read from the base side to the other one. Pure.
 */
import type { CompareDifference, CompareSide } from '@/lib/shared/compare';

export type DiffKind = 'added' | 'removed' | 'changed' | 'unreadable';

export interface DiffCounts {
  added: number;
  removed: number;
  changed: number;
  unreadable: number;
}

export interface DiffNode {
  name: string;
  /** Relative to the compared roots ("" for the roots). */
  path: string;
  /** What differs at this node itself; null for a folder shown only for what is below it (or only unreadable). */
  kind: Exclude<DiffKind, 'unreadable'> | null;
  /** A side could not read it (NO_AUTH): it and what is below it there were not compared. */
  unreadable: boolean;
  data: boolean;
  acl: boolean;
  /** Differences below this node (not counting itself). */
  below: DiffCounts;
  children: Map<string, DiffNode>;
}

const emptyCounts = (): DiffCounts => ({ added: 0, removed: 0, changed: 0, unreadable: 0 });

const node = (name: string, path: string): DiffNode => ({ name, path, kind: null, unreadable: false, data: false, acl: false, below: emptyCounts(), children: new Map() });

export function emptyDiffTree(): DiffNode {
  return node('', '');
}

function kindOf(d: CompareDifference, base: CompareSide): { path: string; kind: DiffKind } {
  if ('changed' in d) return { path: d.changed, kind: 'changed' };
  if ('noAuth' in d) return { path: d.path, kind: 'unreadable' };
  return { path: d.path, kind: d.only === base ? 'removed' : 'added' };
}

/** Adds differences to the tree in place (it may be large: it is not copied per burst). */
export function addDifferences(root: DiffNode, differences: readonly CompareDifference[], base: CompareSide): void {
  for (const d of differences) {
    const { path, kind } = kindOf(d, base);
    let at = root;
    const names = path === '' ? [] : path.split('/');
    for (let i = 0; i < names.length; i++) {
      at.below[kind]++;
      let next = at.children.get(names[i]);
      if (!next) at.children.set(names[i], (next = node(names[i], names.slice(0, i + 1).join('/'))));
      at = next;
    }
    if (kind === 'unreadable') at.unreadable = true;
    else at.kind = kind;
    if ('changed' in d) {
      at.data = d.data;
      at.acl = d.acl;
    }
  }
}

export function totalCounts(root: DiffNode): DiffCounts {
  const t = { ...root.below };
  if (root.kind) t[root.kind]++;
  if (root.unreadable) t.unreadable++;
  return t;
}

/** Children in name order (the server streams them level by level, in no order across parents). */
export function sortedChildren(n: DiffNode): DiffNode[] {
  return [...n.children.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
