import 'server-only';
import { WATCH_EVENT, type ZkHandle } from './client';
import { encodeData } from './data';
import { ZkError, isZkError } from './errors';
import { subscriptionKey, type ChildrenEvent, type LiveEvent, type LiveSessionState, type SessionEvent, type WatchKind, type WatchSnapshot } from '@/lib/shared/events';
import { invalidateChildren } from './ops';
import { isTransient } from '@/lib/shared/errors';
import { checkPath } from '@/lib/shared/path';
import { describeSession } from './session-info';
import type { ZkSession } from './session';
import type { ZkStat } from '@/lib/shared/types';

/**
 * The watch hub: one ZooKeeper watch per (session, path, kind), however many browsers look at
 * that path. ZooKeeper watches fire once; every trigger re-arms the watch with the same call that
 * reads the new state (aw_get / aw_get_children2, or aw_exists while the node does not exist), so
 * a change between trigger and re-arm is never missed: it is part of what the re-arm reads.
 *
 * Only subscribed paths are watched and only their own state is kept (a stat, and for child
 * lists up to `childrenDiffLimit` names): nothing walks or caches the tree.
 */

/** Values up to this size travel inside the event; larger ones are fetched by the browser. */
export const INLINE_DATA_BYTES = 16 * 1024;

export interface HubOptions {
  /** Child lists longer than this are not kept: events then carry the count and ask for a refetch. */
  childrenDiffLimit: number;
  /**
   * A hot path is re-read at most once per this interval on average, after a burst of
   * `rearmBurst` immediate re-reads; changes in between are coalesced into one event that
   * carries the state after all of them. An occasional change always goes out at once.
   */
  rearmIntervalMs: number;
  rearmBurst: number;
  /** The interval for child lists of more than a tenth of childrenDiffLimit names (each read is large; no burst). */
  largeRearmIntervalMs: number;
}

const DEFAULT_OPTIONS: HubOptions = { childrenDiffLimit: 10_000, rearmIntervalMs: 20, rearmBurst: 10, largeRearmIntervalMs: 1000 };
/** Unwanted watches stay until they fire (the binding cannot remove them); this many are remembered. */
const MAX_DORMANT = 1000;
/** How long after a write through the dashboard its author is named on the next event of the path. */
const ATTRIBUTION_MS = 2000;
/** A re-arm that timed out while the session stayed connected is retried after this long. */
const TRANSIENT_RETRY_MS = 1000;

/** Whoever receives a hub's events: one browser stream. */
export interface LiveSubscriber {
  deliver(event: LiveEvent): void;
}

interface ReadState {
  exists: boolean;
  stat: ZkStat | null;
  data?: Buffer;
  /** Children kind: the names, or null when more than childrenDiffLimit. */
  names?: string[] | null;
  total?: number;
}

interface WatchEntry {
  key: string;
  path: string;
  kind: WatchKind;
  subscribers: Set<LiveSubscriber>;
  /** Identifies the watch callbacks of the current arm; a trigger for any other token is stale. */
  token: object | null;
  /** A re-arm is needed as soon as possible (triggered while arming, or failed on a lost connection). */
  dirty: boolean;
  arming: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  /** Re-reads the entry may do at once (a token bucket refilled one per interval). */
  tokens: number;
  refilledAt: number;
  known: boolean;
  exists: boolean;
  stat: ZkStat | null;
  names: Set<string> | null;
  total: number;
}

const transient = (e: unknown) => isZkError(e) && isTransient(e.code);
const isNoNode = (e: unknown) => isZkError(e) && e.code === 'NO_NODE';

export interface HubStats {
  /** Entries with at least one subscriber. */
  watched: number;
  /** Entries whose ZooKeeper watch is set and nobody wants any more (not re-armed when it fires). */
  dormant: number;
  subscribers: number;
  /** Reads that (re-)armed a watch since the hub started. */
  arms: number;
}

export class WatchHub {
  private readonly session: ZkSession;
  private readonly entries = new Map<string, WatchEntry>();
  private readonly attached = new Set<LiveSubscriber>();
  /** Recent writes through the dashboard: the next data and child-list event of the path name them. */
  private readonly writers = new Map<string, { by: string; until: number; used: Set<WatchKind> }>();
  private disconnected = false;
  private expired = false;
  private arms = 0;
  private readonly options: HubOptions;

  constructor(session: ZkSession, options: Partial<HubOptions> = {}) {
    this.session = session;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    session.on('disconnected', () => this.onDisconnected());
    session.on('connected', () => this.onConnected());
    session.on('expired', () => this.onExpired());
    session.on('recovered', () => void this.onRecovered());
    session.on('closed', () => this.onClosed());
  }

  /** A subscriber receives session events from now on, and node events for what it subscribes to. */
  attach(subscriber: LiveSubscriber): void {
    this.attached.add(subscriber);
  }

  /** Ends every subscription of a subscriber. */
  detach(subscriber: LiveSubscriber): void {
    this.attached.delete(subscriber);
    for (const entry of [...this.entries.values()]) {
      if (entry.subscribers.has(subscriber)) this.release(entry, subscriber);
    }
  }

  /** Starts watching (or joins the existing watch) and returns the current state. */
  async subscribe(subscriber: LiveSubscriber, path: string, kind: WatchKind): Promise<WatchSnapshot> {
    const check = checkPath(path);
    if (!check.ok) throw new ZkError('INVALID_PATH', check.reason, path);
    const key = subscriptionKey(kind, path);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = newEntry(key, path, kind, this.options.rearmBurst);
      this.entries.set(key, entry);
    }
    entry.subscribers.add(subscriber);
    // A set watch means the state we hold is current: the new subscriber costs nothing; one
    // being set is joined.
    if (!entry.known || !entry.token) {
      try {
        await (entry.arming ?? this.arm(entry));
      } catch (e) {
        this.release(entry, subscriber);
        throw e;
      }
    }
    return { path, kind, exists: entry.exists, stat: entry.stat };
  }

  unsubscribe(subscriber: LiveSubscriber, path: string, kind: WatchKind): void {
    const entry = this.entries.get(subscriptionKey(kind, path));
    if (entry?.subscribers.has(subscriber)) this.release(entry, subscriber);
  }

  /** Marks the next event on `path` as made by `who` (a write through this dashboard). */
  attribute(path: string, who: string): void {
    const now = Date.now();
    if (this.writers.size > 1000) {
      for (const [p, w] of this.writers) if (w.until < now) this.writers.delete(p);
    }
    this.writers.set(path, { by: who, until: now + ATTRIBUTION_MS, used: new Set() });
  }

  subscriberCount(path: string, kind: WatchKind): number {
    return this.entries.get(subscriptionKey(kind, path))?.subscribers.size ?? 0;
  }

  stats(): HubStats {
    let watched = 0;
    let dormant = 0;
    const subscribers = new Set<LiveSubscriber>();
    for (const e of this.entries.values()) {
      if (e.subscribers.size > 0) watched++;
      else dormant++;
      for (const s of e.subscribers) subscribers.add(s);
    }
    return { watched, dormant, subscribers: subscribers.size, arms: this.arms };
  }

  // ---- arming ------------------------------------------------------------------------------

  private release(entry: WatchEntry, subscriber: LiveSubscriber): void {
    entry.subscribers.delete(subscriber);
    if (entry.subscribers.size > 0) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    // A watch that is not set (or never was) has nothing to wait for; a set one stays dormant
    // until it fires, so that a quick re-subscribe reuses it instead of stacking another.
    if (!entry.token && !entry.arming) this.entries.delete(entry.key);
    else this.trimDormant();
  }

  private trimDormant(): void {
    if (this.entries.size <= MAX_DORMANT) return;
    let dormant = 0;
    for (const e of this.entries.values()) if (e.subscribers.size === 0) dormant++;
    for (const e of this.entries.values()) {
      if (dormant <= MAX_DORMANT) break;
      if (e.subscribers.size === 0 && !e.arming) {
        this.entries.delete(e.key);
        dormant--;
      }
    }
  }

  /** Reads the state while setting the watch; repeats while triggers arrived meanwhile. */
  private arm(entry: WatchEntry): Promise<void> {
    if (entry.arming) {
      entry.dirty = true;
      return entry.arming;
    }
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    const run = async () => {
      try {
        do {
          entry.dirty = false;
          const token = {};
          entry.token = token;
          this.arms++;
          const state = await this.read(entry, token);
          if (this.entries.get(entry.key) !== entry || entry.token !== token) continue;
          this.apply(entry, state);
        } while (entry.dirty && entry.subscribers.size > 0);
      } catch (e) {
        entry.token = null;
        throw e;
      } finally {
        entry.arming = null;
      }
    };
    entry.arming = run();
    return entry.arming;
  }

  private read(entry: WatchEntry, token: object): Promise<ReadState> {
    const onWatch = (type: number) => {
      if (type === WATCH_EVENT.SESSION || type === WATCH_EVENT.NOT_WATCHING) return;
      this.onTrigger(entry, token);
    };
    const { path } = entry;
    return this.session.run(async (h: ZkHandle): Promise<ReadState> => {
      // A node can appear between a failed read and the exists call: then read it again.
      for (let attempt = 1; ; attempt++) {
        try {
          if (entry.kind === 'data') {
            const { stat, data } = await h.get(path, onWatch);
            return { exists: true, stat, data };
          }
          const { children, stat } = await h.children(path, onWatch);
          // The list changed (or is first watched): pages served from the short-lived cache must not lag behind it.
          invalidateChildren(this.session, path);
          const names = children.length > this.options.childrenDiffLimit ? null : children;
          return { exists: true, stat, names, total: children.length };
        } catch (e) {
          // Absent: watch for its creation. Unreadable data (ACL): watch its stat at least.
          const unreadableData = entry.kind === 'data' && isZkError(e) && e.code === 'NO_AUTH';
          if (!isNoNode(e) && !unreadableData) throw e;
          const stat = await h.exists(path, onWatch);
          if (!stat) return { exists: false, stat: null, names: [], total: 0 };
          if (unreadableData) return { exists: true, stat };
          if (attempt >= 3) throw new ZkError('TIMEOUT', 'The node keeps appearing and disappearing; retrying', path);
        }
      }
    });
  }

  private onTrigger(entry: WatchEntry, token: object): void {
    if (entry.token !== token || this.entries.get(entry.key) !== entry) return;
    entry.token = null;
    if (entry.subscribers.size === 0) {
      this.entries.delete(entry.key);
      return;
    }
    this.scheduleRearm(entry);
  }

  private scheduleRearm(entry: WatchEntry): void {
    if (entry.timer) return;
    const wait = this.takeToken(entry);
    if (wait === 0) this.arm(entry).catch((e) => this.onArmFailed(entry, e));
    else {
      entry.timer = setTimeout(() => {
        entry.timer = null;
        this.scheduleRearm(entry);
      }, wait);
    }
  }

  /** 0 when the entry may re-read now (and takes the token), else how long until it may. */
  private takeToken(entry: WatchEntry): number {
    const { childrenDiffLimit, rearmIntervalMs, rearmBurst, largeRearmIntervalMs } = this.options;
    const large = entry.total > childrenDiffLimit / 10;
    const interval = large ? largeRearmIntervalMs : rearmIntervalMs;
    const now = Date.now();
    entry.tokens = Math.min(large ? 1 : rearmBurst, entry.tokens + (now - entry.refilledAt) / interval);
    entry.refilledAt = now;
    if (entry.tokens >= 1) {
      entry.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - entry.tokens) * interval);
  }

  private onArmFailed(entry: WatchEntry, e: unknown): void {
    if (this.entries.get(entry.key) !== entry) return;
    // The connection is back soon (or a new session is): re-armed then.
    if (transient(e)) {
      entry.dirty = true;
      if (this.session.currentState === 'connected' && !entry.timer) {
        entry.timer = setTimeout(() => {
          entry.timer = null;
          this.scheduleRearm(entry);
        }, TRANSIENT_RETRY_MS);
      }
      return;
    }
    this.entries.delete(entry.key);
    const error = isZkError(e) ? e : new ZkError('INTERNAL', 'The watch could not be set', entry.path);
    const event: LiveEvent = {
      type: 'watch-error',
      at: Date.now(),
      path: entry.path,
      kind: entry.kind,
      code: error.code,
      message: `Stopped watching ${entry.path}: ${error.message}`,
    };
    for (const s of entry.subscribers) s.deliver(event);
  }

  // ---- events ------------------------------------------------------------------------------

  /** Compares what was just read with what was known, and tells the subscribers what changed. */
  private apply(entry: WatchEntry, state: ReadState): void {
    const before = { known: entry.known, exists: entry.exists, stat: entry.stat, names: entry.names, total: entry.total };
    entry.known = true;
    entry.exists = state.exists;
    entry.stat = state.stat;
    if (entry.kind === 'children') {
      entry.names = state.names ? new Set(state.names) : null;
      entry.total = state.total ?? 0;
    }
    if (!before.known) return;
    const at = Date.now();
    const by = this.attribution(entry, at);
    const events: LiveEvent[] = [];
    if (entry.kind === 'data') {
      const recreated = before.exists && state.exists && before.stat!.czxid !== state.stat!.czxid;
      if (before.exists && (!state.exists || recreated)) events.push({ type: 'deleted', at, path: entry.path });
      if (state.exists && (!before.exists || recreated)) {
        events.push({ type: 'created', at, path: entry.path, stat: state.stat!, ...inline(state.data) });
      } else if (state.exists && statChanged(before.stat!, state.stat!)) {
        events.push({ type: 'changed', at, path: entry.path, stat: state.stat!, ...inline(state.data) });
      }
    } else {
      const event = childrenEvent(entry, before.names, before.total, before.exists, at);
      if (event) events.push(event);
    }
    for (const event of events) {
      if (by) event.by = by;
      for (const s of entry.subscribers) s.deliver(event);
    }
  }

  private attribution(entry: WatchEntry, now: number): string | undefined {
    const w = this.writers.get(entry.path);
    if (!w || w.until < now || w.used.has(entry.kind)) return undefined;
    w.used.add(entry.kind);
    return w.by;
  }

  private broadcast(state: LiveSessionState, message: string, extra: Partial<SessionEvent> = {}): void {
    const info = this.session.info();
    const event: SessionEvent = {
      type: 'session',
      at: Date.now(),
      state,
      sessionId: info.sessionId,
      server: info.server,
      message,
      ...extra,
    };
    for (const s of this.attached) s.deliver(event);
  }

  // ---- session -----------------------------------------------------------------------------

  private onDisconnected(): void {
    this.disconnected = true;
    this.broadcast('disconnected', 'Lost the connection to ZooKeeper; reconnecting. Watches resume when the session does.');
  }

  private onConnected(): void {
    if (this.expired) return; // 'recovered' follows at once
    const wasDisconnected = this.disconnected;
    this.disconnected = false;
    // The client library re-registers set watches itself; only failed arms need redoing.
    for (const entry of this.entries.values()) if (entry.dirty && !entry.arming && entry.subscribers.size > 0) this.scheduleRearm(entry);
    void describeSession(this.session).then((info) => {
      const server = info.server ? ` (${info.server})` : '';
      if (wasDisconnected) this.broadcast('reconnected', `Reconnected to ZooKeeper${server} with the same session.`, { server: info.server });
      else this.broadcast('connected', `Connected to ZooKeeper${server}.`, { server: info.server });
    });
  }

  private onExpired(): void {
    this.expired = true;
    for (const entry of this.entries.values()) {
      entry.token = null;
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
    this.broadcast(
      'expired',
      'The ZooKeeper session expired: ephemeral nodes owned by the dashboard are gone and all watches were lost. A new session is being established.',
    );
  }

  /** A new session: every watch is set again, and what changed meanwhile is reported. */
  private async onRecovered(): Promise<void> {
    this.expired = false;
    this.disconnected = false;
    const wanted: WatchEntry[] = [];
    for (const entry of [...this.entries.values()]) {
      if (entry.subscribers.size > 0) wanted.push(entry);
      else this.entries.delete(entry.key);
    }
    const results = await Promise.allSettled(
      wanted.map((entry) => this.arm(entry).catch((e) => (this.onArmFailed(entry, e), Promise.reject(e)))),
    );
    const info = await describeSession(this.session);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    this.broadcast('recovered', `Connected with a new ZooKeeper session; ${ok} watch${ok === 1 ? '' : 'es'} re-established.`, {
      server: info.server,
      sessionId: info.sessionId,
      watches: ok,
    });
  }

  private onClosed(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    this.broadcast('closed', 'The connection was closed by the dashboard.');
    this.attached.clear();
    hubs.delete(this.session);
  }
}

function newEntry(key: string, path: string, kind: WatchKind, tokens: number): WatchEntry {
  return {
    key,
    path,
    kind,
    subscribers: new Set(),
    token: null,
    dirty: false,
    arming: null,
    timer: null,
    tokens,
    refilledAt: Date.now(),
    known: false,
    exists: false,
    stat: null,
    names: null,
    total: 0,
  };
}

function statChanged(a: ZkStat, b: ZkStat): boolean {
  return a.mzxid !== b.mzxid || a.pzxid !== b.pzxid || a.aversion !== b.aversion;
}

function inline(data: Buffer | undefined): { data?: ReturnType<typeof encodeData> } {
  return data !== undefined && data.length <= INLINE_DATA_BYTES ? { data: encodeData(data) } : {};
}

function childrenEvent(
  entry: WatchEntry,
  beforeNames: Set<string> | null,
  beforeTotal: number,
  beforeExists: boolean,
  at: number,
): ChildrenEvent | null {
  const base = { type: 'children' as const, at, path: entry.path, exists: entry.exists, stat: entry.stat, total: entry.total };
  if (!beforeNames || !entry.names) {
    if (beforeTotal === entry.total && beforeExists === entry.exists) return null;
    return { ...base, added: [], removed: [], truncated: true };
  }
  const added: string[] = [];
  const removed: string[] = [];
  for (const name of entry.names) if (!beforeNames.has(name)) added.push(name);
  for (const name of beforeNames) if (!entry.names.has(name)) removed.push(name);
  if (added.length === 0 && removed.length === 0 && beforeExists === entry.exists) return null;
  return { ...base, added, removed, truncated: false };
}

const g = globalThis as typeof globalThis & { __zooscopeWatchHubs?: WeakMap<ZkSession, WatchHub> };
const hubs: WeakMap<ZkSession, WatchHub> = (g.__zooscopeWatchHubs ??= new WeakMap());

/**
 * Names `who` as the author of the next event on each of `paths` (a write through the dashboard:
 * the node, and for a create or delete its parent). Costs nothing when nobody watches.
 */
export function noteWrite(session: ZkSession, paths: readonly string[], who: string): void {
  const hub = hubs.get(session);
  if (hub) for (const p of paths) hub.attribute(p, who);
}

/** The hub of a session (one per session, shared by every route bundle). */
export function getWatchHub(session: ZkSession): WatchHub {
  let hub = hubs.get(session);
  if (!hub) {
    hub = new WatchHub(session);
    hubs.set(session, hub);
  }
  return hub;
}
