/**
 * Live events: what the watch hub streams to browsers over server-sent events. Pure (types and
 * small helpers, no server-only import) so the browser shares the exact shapes.
 */
import type { NodeValue, ZkStat } from './types';

/** What a subscription watches: a node's data (and existence) or its child list. */
export type WatchKind = 'data' | 'children';
export const WATCH_KINDS: readonly WatchKind[] = ['data', 'children'];

export interface Subscription {
  path: string;
  kind: WatchKind;
}

/** One string per (kind, path), for maps and sets of subscriptions. */
export function subscriptionKey(kind: WatchKind, path: string): string {
  return `${kind}\u0000${path}`;
}

export function parseSubscriptionKey(key: string): Subscription {
  const i = key.indexOf('\u0000');
  return { kind: key.slice(0, i) as WatchKind, path: key.slice(i + 1) };
}

/** The current state a subscription starts from (the answer to a subscribe). */
export interface WatchSnapshot extends Subscription {
  exists: boolean;
  stat: ZkStat | null;
}

/** The answer to a subscriptions change: where each new watch starts, and what was refused. */
export interface SubscriptionsAnswer {
  stream: string;
  /** Subscriptions the stream holds now. */
  subscriptions: number;
  added: WatchSnapshot[];
  failed: Array<Subscription & { code: string; message: string }>;
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
  data?: NodeValue;
}

/** A node's data (or stat) changed. `data` is left out when large: fetch the node then. */
export interface ChangedEvent extends EventBase {
  type: 'changed';
  path: string;
  stat: ZkStat;
  data?: NodeValue;
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
  // One event goes to many queues: its key is made once.
  let key = keys.get(e);
  if (key === undefined) {
    key = makeCoalesceKey(e);
    keys.set(e, key);
  }
  return key;
}

const keys = new WeakMap<LiveEvent, string | null>();

function makeCoalesceKey(e: LiveEvent): string | null {
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

/**
 * Events waiting to be handled, at most one per coalesce key, in the order of their latest
 * change. Bounded: past `maxEvents` (or `maxBytes` as measured by `sizeOf`) everything queued is
 * replaced by a resync instruction, because refetching is then cheaper than catching up.
 *
 * One queue per browser stream sees every event of a busy server, so it allocates nothing per
 * event: slots of an array reused from the start once drained, and a key → slot index that is
 * checked rather than kept exact.
 */
export class EventQueue {
  private readonly slots: Array<LiveEvent | undefined> = [];
  private head = 0;
  private tail = 0;
  private readonly positions = new Map<string, number>();
  private count = 0;
  private bytes = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly overflowMessage: string,
    private readonly sizeOf: (e: LiveEvent) => number = () => 0,
    private readonly maxBytes = Infinity,
  ) {}

  get size(): number {
    return this.count;
  }

  push(event: LiveEvent): void {
    const key = coalesceKey(event);
    let next = event;
    if (key !== null) {
      const at = this.positions.get(key);
      const previous = at !== undefined && at >= this.head && at < this.tail ? this.slots[at] : undefined;
      if (previous && coalesceKey(previous) === key) {
        // Replaced, and moved last: the order is that of the latest change.
        this.slots[at!] = undefined;
        this.count--;
        this.bytes -= this.sizeOf(previous);
        next = coalesce(previous, event);
      }
      this.positions.set(key, this.tail);
    }
    this.slots[this.tail++] = next;
    this.count++;
    this.bytes += this.sizeOf(next);
    if (this.count > this.maxEvents || this.bytes > this.maxBytes) this.resync('overflow', this.overflowMessage);
  }

  /** Drops everything queued for one resync instruction. */
  resync(reason: ResyncEvent['reason'], message: string): void {
    this.clear();
    this.push({ type: 'resync', at: Date.now(), reason, message });
  }

  /** Removes and returns the oldest events: at most `max`, and no more than `budget` bytes past the first. */
  take(max = Infinity, budget = Infinity): LiveEvent[] {
    const out: LiveEvent[] = [];
    let taken = 0;
    while (this.head < this.tail && out.length < max) {
      const event = this.slots[this.head];
      if (event === undefined) {
        this.head++;
        continue;
      }
      const size = this.sizeOf(event);
      if (out.length > 0 && taken + size > budget) break;
      this.slots[this.head++] = undefined;
      this.count--;
      this.bytes -= size;
      taken += size;
      out.push(event);
    }
    if (this.head === this.tail) this.head = this.tail = 0;
    return out;
  }

  clear(): void {
    this.slots.fill(undefined, this.head, this.tail);
    this.head = this.tail = this.count = this.bytes = 0;
  }
}

/** Event ids are "{stream}-{sequence}"; Last-Event-ID brings them back on a reconnect. */
export function formatEventId(stream: string, seq: number): string {
  return `${stream}-${seq}`;
}

export function parseEventId(id: string | null | undefined): { stream: string; seq: number } | null {
  const m = id ? /^([A-Za-z0-9_]{8,64})-(\d{1,15})$/.exec(id.trim()) : null;
  return m ? { stream: m[1], seq: Number(m[2]) } : null;
}
