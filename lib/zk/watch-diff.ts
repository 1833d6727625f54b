import 'server-only';
import { encodeData } from './data';
import type { ChildrenEvent, NodeEvent } from '@/lib/shared/events';
import type { NodeValue, ZkStat } from '@/lib/shared/types';

/**
 * What changed between two reads of a watched path, as the events the browsers receive. Pure:
 * the hub hands in what it knew and what it just read.
 */

/** Values up to this size travel inside the event; larger ones are fetched by the browser. */
export const INLINE_DATA_BYTES = 16 * 1024;

export interface NodeState {
  exists: boolean;
  stat: ZkStat | null;
}

export interface ChildrenState extends NodeState {
  /** The names, or null when the list was too long to keep. */
  names: ReadonlySet<string> | null;
  total: number;
}

/** A change ZooKeeper counts: the data, the child list or the ACL (the stat's zxids and versions). */
export function statChanged(a: ZkStat, b: ZkStat): boolean {
  return a.mzxid !== b.mzxid || a.pzxid !== b.pzxid || a.aversion !== b.aversion;
}

function inline(data: Buffer | undefined): { data?: NodeValue } {
  return data !== undefined && data.length <= INLINE_DATA_BYTES ? { data: encodeData(data) } : {};
}

/**
 * Events of a data watch: deleted, created (a new czxid is a delete and a create), or changed.
 * `data` is the value just read, when it could be read.
 */
export function dataEvents(path: string, before: NodeState, after: NodeState, at: number, data?: Buffer): NodeEvent[] {
  const events: NodeEvent[] = [];
  const recreated = before.exists && after.exists && before.stat!.czxid !== after.stat!.czxid;
  if (before.exists && (!after.exists || recreated)) events.push({ type: 'deleted', at, path });
  if (after.exists && (!before.exists || recreated)) {
    events.push({ type: 'created', at, path, stat: after.stat!, ...inline(data) });
  } else if (after.exists && statChanged(before.stat!, after.stat!)) {
    events.push({ type: 'changed', at, path, stat: after.stat!, ...inline(data) });
  }
  return events;
}

/**
 * The event of a child-list watch: the names added and removed, or, when either list was too
 * long to keep, a truncated event that tells the browser to refetch. Null when nothing changed.
 */
export function childrenEvent(path: string, before: ChildrenState, after: ChildrenState, at: number): ChildrenEvent | null {
  const base = { type: 'children' as const, at, path, exists: after.exists, stat: after.stat, total: after.total };
  if (!before.names || !after.names) {
    if (before.total === after.total && before.exists === after.exists) return null;
    return { ...base, added: [], removed: [], truncated: true };
  }
  const added: string[] = [];
  const removed: string[] = [];
  for (const name of after.names) if (!before.names.has(name)) added.push(name);
  for (const name of before.names) if (!after.names.has(name)) removed.push(name);
  if (added.length === 0 && removed.length === 0 && before.exists === after.exists) return null;
  return { ...base, added, removed, truncated: false };
}
