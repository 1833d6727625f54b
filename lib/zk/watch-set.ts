import 'server-only';
import { WATCH_EVENT } from './client';
import { ZkError, isZkError } from './errors';
import { takeToken } from './rearm-throttle';
import { DormantWatches } from './watch-dormant';
import { WatchReleaser } from './watch-release';
import { childrenEvent, dataEvents } from './watch-diff';
import { newEntry, type HubOptions, type WatchEntry } from './watch-entry';
import { readWatched, type ReadState } from './watch-read';
import type { WatcherType } from './client';
import { subscriptionKey, type LiveEvent, type WatchKind } from '@/lib/shared/events';
import { isTransient } from '@/lib/shared/errors';
import type { ZkSession } from './session';
import type { LiveSubscriber } from './watch-hub';
import type { WriteAttribution } from './write-attribution';

/**
 * The watches of one session: arming and re-arming them (throttled), dormant watches nobody wants
 * any more (watch-dormant.ts, then removed from the server by watch-release.ts), and the node
 * events each re-read produces for the subscribers of its path. Releasing a subscription costs
 * O(1) whatever the number of entries, and a subscriber's own entries are known, so ending a
 * stream costs what it watched.
 */

/** A re-arm that timed out while the session stayed connected is retried after this long. */
const TRANSIENT_RETRY_MS = 1000;
/** Subscriptions a departing subscriber releases per turn of the event loop. */
const RELEASE_BATCH = 500;

const transient = (e: unknown) => isZkError(e) && isTransient(e.code);

export interface HubStats {
  /** Entries with at least one subscriber. */
  watched: number;
  /** Entries whose ZooKeeper watch is set and nobody wants any more (not re-armed when it fires). */
  dormant: number;
  /** Subscriptions of departed subscribers not yet released, and released watches waiting to be (or being) removed from the server. */
  releasing: number;
  /** Watches removed from the server since the hub started. */
  removed: number;
  subscribers: number;
  /** Reads that (re-)armed a watch since the hub started. */
  arms: number;
}

export class WatchSet {
  private readonly entries = new Map<string, WatchEntry>();
  /** The entries each subscriber is in. */
  private readonly own = new Map<LiveSubscriber, Set<WatchEntry>>();
  /** Departed subscribers whose entries are still being released (see leaveAll). */
  private leaving: Array<{ subscriber: LiveSubscriber; entries: WatchEntry[]; next: number }> = [];
  private readonly dormant: DormantWatches;
  private readonly releaser: WatchReleaser;
  private arms = 0;

  constructor(
    private readonly session: ZkSession,
    private readonly options: HubOptions,
    private readonly writes: WriteAttribution,
  ) {
    this.releaser = new WatchReleaser(session, options.releaseConcurrency, (path, type) => this.inUse(path, type));
    this.dormant = new DormantWatches(options.maxDormant, options.dormantMs, (entry) => this.expire(entry));
  }

  /** Adds a subscriber to the watch of (path, kind), setting it when needed; resolves to the entry once its state is known. */
  async join(subscriber: LiveSubscriber, path: string, kind: WatchKind): Promise<WatchEntry> {
    const key = subscriptionKey(kind, path);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = newEntry(key, path, kind, this.options.rearmBurst);
      this.entries.set(key, entry);
    }
    this.dormant.delete(entry);
    entry.subscribers.add(subscriber);
    let mine = this.own.get(subscriber);
    if (!mine) this.own.set(subscriber, (mine = new Set()));
    mine.add(entry);
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
    return entry;
  }

  leave(subscriber: LiveSubscriber, path: string, kind: WatchKind): void {
    const entry = this.entries.get(subscriptionKey(kind, path));
    if (entry?.subscribers.has(subscriber)) this.release(entry, subscriber);
  }

  /**
   * Releases every entry of a subscriber in the background, RELEASE_BATCH entries per turn of the
   * event loop across all departing subscribers: ending streams of thousands of watches (ten at
   * once) never holds up the requests in between.
   */
  leaveAll(subscriber: LiveSubscriber): void {
    const mine = this.own.get(subscriber);
    this.own.delete(subscriber);
    if (!mine || mine.size === 0) return;
    if (mine.size <= RELEASE_BATCH && this.leaving.length === 0) {
      // release() deletes from the set being iterated, which a Set allows.
      for (const entry of mine) this.release(entry, subscriber);
      return;
    }
    this.leaving.push({ subscriber, entries: [...mine], next: 0 });
    if (this.leaving.length === 1) setImmediate(() => this.releaseSome());
  }

  private releaseSome(): void {
    let budget = RELEASE_BATCH;
    while (budget > 0 && this.leaving.length > 0) {
      const leave = this.leaving[0];
      const to = Math.min(leave.entries.length, leave.next + budget);
      for (let i = leave.next; i < to; i++) this.release(leave.entries[i], leave.subscriber);
      budget -= to - leave.next;
      leave.next = to;
      if (to === leave.entries.length) this.leaving.shift();
    }
    if (this.leaving.length > 0) setImmediate(() => this.releaseSome());
  }

  subscriberCount(path: string, kind: WatchKind): number {
    return this.entries.get(subscriptionKey(kind, path))?.subscribers.size ?? 0;
  }

  /** O(subscribers): cheap enough to poll. */
  stats(): HubStats {
    let subscribers = 0;
    for (const mine of this.own.values()) if (mine.size > 0) subscribers++;
    // Every entry nobody subscribes to is dormant (one whose watch is not set is dropped at once).
    const dormant = this.dormant.size;
    let releasing = this.releaser.pending;
    for (const leave of this.leaving) releasing += leave.entries.length - leave.next;
    return { watched: this.entries.size - dormant, dormant, subscribers, arms: this.arms, releasing, removed: this.releaser.removed };
  }

  /** Reconnected with the same session: the client library re-registers set watches itself; only failed arms need redoing. */
  resumeFailed(): void {
    this.releaser.resume();
    for (const entry of this.entries.values()) if (entry.dirty && !entry.arming && entry.subscribers.size > 0) this.scheduleRearm(entry);
  }

  /** The session expired: no watch is set any more (so none is dormant, and none needs removing). */
  forgetArmed(): void {
    this.releaser.clear();
    for (const entry of this.dormant.clear()) this.entries.delete(entry.key);
    for (const entry of this.entries.values()) {
      entry.token = null;
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
    }
  }

  /** A new session: sets every wanted watch again (reporting what changed meanwhile); resolves to how many were set. */
  async rearmAll(): Promise<number> {
    const wanted: WatchEntry[] = [];
    for (const entry of [...this.entries.values()]) {
      if (entry.subscribers.size > 0) wanted.push(entry);
      else this.drop(entry);
    }
    const results = await Promise.allSettled(
      wanted.map((entry) => this.arm(entry).catch((e) => (this.onArmFailed(entry, e), Promise.reject(e)))),
    );
    return results.filter((r) => r.status === 'fulfilled').length;
  }

  clear(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
    this.own.clear();
    this.leaving = [];
    this.dormant.clear();
    this.releaser.clear();
  }

  private release(entry: WatchEntry, subscriber: LiveSubscriber): void {
    entry.subscribers.delete(subscriber);
    this.own.get(subscriber)?.delete(entry);
    if (entry.subscribers.size > 0) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    // A watch that is not set (or never was) has nothing to wait for; a set one stays dormant
    // for a while, so that a quick re-subscribe reuses it instead of setting another.
    if (!entry.token && !entry.arming) this.drop(entry);
    else this.dormant.add(entry);
  }

  /** Dormant long enough (or too many are): forgotten here, removed from the server. */
  private expire(entry: WatchEntry): void {
    if (this.entries.get(entry.key) !== entry) return;
    this.entries.delete(entry.key);
    this.releaser.release(entry);
  }

  private drop(entry: WatchEntry): void {
    this.dormant.delete(entry);
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
  }

  /** Whether a live entry on `path` holds, or may be about to hold, a watch of `type`. */
  private inUse(path: string, type: WatcherType): boolean {
    if (type === 'data' && this.entries.has(subscriptionKey('data', path))) return true;
    const children = this.entries.get(subscriptionKey('children', path));
    // Its next read decides which watch it sets: while it may be either, it may need either.
    return !!children && (children.watchType === type || children.watchType === null || !!children.arming || !children.token);
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
          entry.watchType = state.watch;
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
    return readWatched(this.session, entry.path, entry.kind, this.options.childrenDiffLimit, (type) => {
      if (type === WATCH_EVENT.SESSION || type === WATCH_EVENT.NOT_WATCHING) return;
      this.onTrigger(entry, token);
    });
  }

  private onTrigger(entry: WatchEntry, token: object): void {
    if (entry.token !== token || this.entries.get(entry.key) !== entry) return;
    entry.token = null;
    if (entry.subscribers.size === 0) {
      this.drop(entry);
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

  /** 0 when the entry may re-read now (and takes a token), else how long until it may. */
  private takeToken(entry: WatchEntry): number {
    const { childrenDiffLimit, rearmIntervalMs, rearmBurst, largeRearmIntervalMs } = this.options;
    // Large child lists: each read is large, so no burst.
    const large = entry.total > childrenDiffLimit / 10;
    return large ? takeToken(entry, 1, largeRearmIntervalMs, Date.now()) : takeToken(entry, rearmBurst, rearmIntervalMs, Date.now());
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
    this.drop(entry);
    for (const s of entry.subscribers) this.own.get(s)?.delete(entry);
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
    const by = this.writes.claim(entry.path, entry.kind, at);
    let events: LiveEvent[];
    if (entry.kind === 'data') events = dataEvents(entry.path, before, entry, at, state.data);
    else {
      const event = childrenEvent(entry.path, before, entry, at);
      events = event ? [event] : [];
    }
    for (const event of events) {
      if (by) event.by = by;
      for (const s of entry.subscribers) s.deliver(event);
    }
  }
}
