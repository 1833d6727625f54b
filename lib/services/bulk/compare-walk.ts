/**
 * Walks two subtrees side by side, a level at a time with at most COMPARE_CONCURRENCY nodes in
 * flight: a node on both sides is read on both (value, ACL, children) and compared, the sorted
 * child lists are merged, and a node on one side only is reported with everything below it
 * (listed, not read). Only the current level and the next are held.
 */
import 'server-only';
import { mapLimit } from '@/lib/zk/map-limit';
import type { ZkSession } from '@/lib/zk/session';
import { absoluteUnder, joinRelative, type CompareSide } from '@/lib/shared/compare';
import { listNames, probeNode } from './compare-probe';
import type { CompareReport } from './compare-report';

/** Nodes in flight: each costs two or three requests per side. */
export const COMPARE_CONCURRENCY = 64;

export interface LiveSide {
  session: ZkSession;
  root: string;
}

/** A node to look at: on both sides, or on one side only. */
export interface WalkItem {
  path: string;
  on: 'both' | CompareSide;
}

type Sides = { left: LiveSide; right?: LiveSide };

async function oneSide(sides: Sides, item: WalkItem & { on: CompareSide }, report: CompareReport): Promise<WalkItem[]> {
  const side = sides[item.on]!;
  const names = await listNames(side.session, absoluteUnder(side.root, item.path));
  if (names.state === 'noAuth') report.noAuth(item.on, item.path);
  if (names.state !== 'listed') return [];
  return names.children.map((name) => {
    const path = joinRelative(item.path, name);
    report.only(item.on, path);
    return { path, on: item.on };
  });
}

async function bothSides({ left, right }: Sides, path: string, report: CompareReport): Promise<WalkItem[]> {
  const [l, r] = await Promise.all([probeNode(left.session, absoluteUnder(left.root, path)), probeNode(right!.session, absoluteUnder(right!.root, path))]);
  if (l.state === 'noAuth') report.noAuth('left', path);
  if (r.state === 'noAuth') report.noAuth('right', path);
  // Deleted on one side while the walk ran: what remains on the other is its own.
  if (l.state === 'missing' && r.state === 'node') return (report.only('right', path), [{ path, on: 'right' }]);
  if (r.state === 'missing' && l.state === 'node') return (report.only('left', path), [{ path, on: 'left' }]);
  if (l.state !== 'node' || r.state !== 'node') return [];
  report.pair(path, l, r);
  return mergeChildren(path, l.children, r.children, report);
}

/** Merges two sorted child lists: common names are walked on both sides, the others reported. */
export function mergeChildren(parent: string, left: string[], right: string[], report: CompareReport): WalkItem[] {
  const next: WalkItem[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const a = left[i];
    const b = right[j];
    if (j >= right.length || (i < left.length && a < b)) {
      next.push({ path: joinRelative(parent, a), on: 'left' });
      i++;
    } else if (i >= left.length || b < a) {
      next.push({ path: joinRelative(parent, b), on: 'right' });
      j++;
    } else {
      next.push({ path: joinRelative(parent, a), on: 'both' });
      i++;
      j++;
    }
  }
  for (const item of next) if (item.on !== 'both') report.only(item.on, item.path);
  return next;
}

/** Walks from `start` until nothing is left or `signal` aborts. */
export async function walkSides(sides: Sides, start: WalkItem[], report: CompareReport, signal: AbortSignal): Promise<void> {
  let level = start;
  while (level.length > 0 && !signal.aborted) {
    report.pending = level.length;
    const next = await mapLimit(level, COMPARE_CONCURRENCY, async (item) => {
      if (signal.aborted) return [];
      report.pending--;
      return item.on === 'both' ? bothSides(sides, item.path, report) : oneSide(sides, item as WalkItem & { on: CompareSide }, report);
    });
    level = next.flat();
  }
  report.pending = 0;
}
