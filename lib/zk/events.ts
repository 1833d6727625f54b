/**
 * Live events: what the watch hub streams to browsers over server-sent events. Pure (types and
 * small helpers, no server-only import) so the browser shares the exact shapes.
 */
import type { EncodedData } from './data';
import type { ZkStat } from './types';

/** What a subscription watches: a node's data (and existence) or its child list. */
export type WatchKind = 'data' | 'children';
export const WATCH_KINDS: readonly WatchKind[] = ['data', 'children'];

export interface Subscription {
  path: string;
  kind: WatchKind;
}

/** The current state a subscription starts from (the answer to a subscribe). */
export interface WatchSnapshot extends Subscription {
  exists: boolean;
  stat: ZkStat | null;
}

interface EventBase {
  /** When the server observed the change (ms since the epoch). */
  at: number;
  /** Who made the change, when known (a change made through this dashboard). */
  by?: string;
}

/** A node came into existence (or was deleted and created again). `data` is left out when large. */
export interface CreatedEvent extends EventBase {
  type: 'created';
  path: string;
  stat: ZkStat;
  data?: EncodedData;
}

/** A node's data (or stat) changed. `data` is left out when large: fetch the node then. */
export interface ChangedEvent extends EventBase {
  type: 'changed';
  path: string;
  stat: ZkStat;
  data?: EncodedData;
}

export interface DeletedEvent extends EventBase {
  type: 'deleted';
  path: string;
}

/**
 * A node's child list changed. `added`/`removed` are names; when the list is too large to diff
 * (`truncated`), only `total` is given and the list must be fetched again.
 */
export interface ChildrenEvent extends EventBase {
  type: 'children';
  path: string;
  /** False when the parent itself is gone (then `removed` lists what it had). */
  exists: boolean;
  stat: ZkStat | null;
  total: number;
  added: string[];
  removed: string[];
  truncated: boolean;
}

export type LiveSessionState = 'connecting' | 'connected' | 'disconnected' | 'reconnected' | 'expired' | 'recovered' | 'closed';

export interface SessionEvent extends EventBase {
  type: 'session';
  state: LiveSessionState;
  sessionId: string | null;
  server: string | null;
  message: string;
  /** On `recovered`: how many watches were re-established. */
  watches?: number;
}

/**
 * The browser must refetch what it shows: it fell behind (`overflow`), its missed events are no
 * longer buffered (`gap`), or its stream is unknown to the server (`unknown-stream`).
 */
export interface ResyncEvent extends EventBase {
  type: 'resync';
  reason: 'overflow' | 'gap' | 'unknown-stream';
  message: string;
}

/** A watch could not be re-armed (e.g. the ACL no longer allows reading); the subscription ended. */
export interface WatchErrorEvent extends EventBase {
  type: 'watch-error';
  path: string;
  kind: WatchKind;
  code: string;
  message: string;
}

/** First event of every connection of a stream: its id (for subscriptions) and the session. */
export interface HelloEvent extends EventBase {
  type: 'hello';
  stream: string;
  /** True when this connection resumed an existing stream (its subscriptions are still in place). */
  resumed: boolean;
  state: LiveSessionState;
  sessionId: string | null;
  server: string | null;
  heartbeatMs: number;
}

export type NodeEvent = CreatedEvent | ChangedEvent | DeletedEvent | ChildrenEvent;
export type LiveEvent = NodeEvent | SessionEvent | ResyncEvent | WatchErrorEvent | HelloEvent;
export type LiveEventType = LiveEvent['type'];

export const LIVE_EVENT_TYPES: readonly LiveEventType[] = [
  'hello',
  'created',
  'changed',
  'deleted',
  'children',
  'session',
  'resync',
  'watch-error',
];

export function isNodeEvent(e: LiveEvent): e is NodeEvent {
  return e.type === 'created' || e.type === 'changed' || e.type === 'deleted' || e.type === 'children';
}

/**
 * Events that only the latest one of matters share a key, so a queue can keep one per key:
 * a node's existence/data events, a node's child-list events (merged, see mergeChildren), and
 * resync instructions.
 */
export function coalesceKey(e: LiveEvent): string | null {
  switch (e.type) {
    case 'resync':
      return 'resync';
    case 'created':
    case 'changed':
    case 'deleted':
      return `d\u0000${e.path}`;
    case 'children':
      return `c\u0000${e.path}`;
    default:
      return null;
  }
}

/** One child-list event equivalent to `a` followed by `b` (same path). */
export function mergeChildren(a: ChildrenEvent, b: ChildrenEvent): ChildrenEvent {
  if (a.truncated || b.truncated) return { ...b, added: [], removed: [], truncated: true };
  const added = new Set(a.added);
  const removed = new Set(a.removed);
  for (const name of b.removed) {
    if (!added.delete(name)) removed.add(name);
  }
  for (const name of b.added) {
    if (!removed.delete(name)) added.add(name);
  }
  return { ...b, added: [...added], removed: [...removed] };
}

/** Merges `next` into `previous` (same coalesce key): the state after both. */
export function coalesce(previous: LiveEvent, next: LiveEvent): LiveEvent {
  if (previous.type === 'children' && next.type === 'children') return mergeChildren(previous, next);
  return next;
}

/** Event ids are "{stream}-{sequence}"; Last-Event-ID brings them back on a reconnect. */
export function formatEventId(stream: string, seq: number): string {
  return `${stream}-${seq}`;
}

export function parseEventId(id: string | null | undefined): { stream: string; seq: number } | null {
  const m = id ? /^([A-Za-z0-9_]{8,64})-(\d{1,15})$/.exec(id.trim()) : null;
  return m ? { stream: m[1], seq: Number(m[2]) } : null;
}
