import 'server-only';
import type { WatcherType } from './client';
import type { LiveSubscriber } from './watch-hub';
import type { WatchKind } from '@/lib/shared/events';
import type { ZkStat } from '@/lib/shared/types';

/** The hub's tuning, and what it keeps per watched (path, kind). */

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
  /**
   * A watch nobody wants any more stays set this long (env ZOOSCOPE_LIVE_DORMANT_MS), so that a
   * quick re-subscribe reuses it; at most `maxDormant` are kept. Then it is removed from the server.
   */
  dormantMs: number;
  maxDormant: number;
  /** Watch removals in flight at once: releasing thousands never queues reads behind them. */
  releaseConcurrency: number;
}

function dormantMs(): number {
  const configured = Number(process.env.ZOOSCOPE_LIVE_DORMANT_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 5_000;
}

export function defaultHubOptions(): HubOptions {
  return {
    childrenDiffLimit: 10_000,
    rearmIntervalMs: 20,
    rearmBurst: 10,
    largeRearmIntervalMs: 1000,
    dormantMs: dormantMs(),
    maxDormant: 1000,
    releaseConcurrency: 16,
  };
}

export interface WatchEntry {
  key: string;
  path: string;
  kind: WatchKind;
  subscribers: Set<LiveSubscriber>;
  /** Identifies the watch callbacks of the current arm; a trigger for any other token is stale. */
  token: object | null;
  /** A re-arm is needed as soon as possible (triggered while arming, or failed on a lost connection). */
  dirty: boolean;
  arming: Promise<void> | null;
  /**
   * The type of the watch the last read set: a children entry of an absent node holds an exists
   * watch, of type 'data' (null until a read returned).
   */
  watchType: WatcherType | null;
  timer: NodeJS.Timeout | null;
  /** Re-reads the entry may do at once (a token bucket, see rearm-throttle.ts). */
  tokens: number;
  refilledAt: number;
  known: boolean;
  exists: boolean;
  stat: ZkStat | null;
  names: Set<string> | null;
  total: number;
}

export function newEntry(key: string, path: string, kind: WatchKind, tokens: number): WatchEntry {
  return {
    key,
    path,
    kind,
    subscribers: new Set(),
    token: null,
    dirty: false,
    arming: null,
    watchType: null,
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
