/**
 * Which paths the server watches for this tab: every node and child-list query something on
 * the page observes, plus explicit watches, kept in step with the server's subscriptions of the
 * stream (debounced, in batches) without reopening it.
 */
import type { QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '@/lib/shared/errors';
import {
  isNodeEvent,
  parseSubscriptionKey,
  subscriptionKey,
  type LiveEvent,
  type SubscriptionsAnswer,
  type WatchKind,
  type WatchSnapshot,
} from '@/lib/shared/events';
import { connectionUrl, isApiError, requestJson } from './api-client';
import { applyWatchSnapshot, isStale } from './live-cache';
import { childrenKeys, nodeKeys, parseConnectionQueryKey } from './query-keys';

const SYNC_DEBOUNCE_MS = 30;
const SYNC_BATCH = 500;
const RETRY_MS = 3000;

/** Codes that will not change by retrying the same subscription on the same session. */
const PERMANENT: ReadonlySet<string> = new Set<ErrorCode>(['INVALID_PATH', 'INVALID_REQUEST', 'NO_AUTH', 'FORBIDDEN', 'UNSUPPORTED']);

/** What the subscriptions need from the stream they belong to. */
export interface SubscriptionHost {
  readonly connection: string;
  readonly client: QueryClient;
  /** The stream the server knows this tab by; null until its hello. */
  stream(): string | null;
  /** A watch the server refused for good, to be shown like one that failed later. */
  report(event: LiveEvent): void;
  /** The server no longer knows the stream. */
  streamLost(): void;
  /** A node the page shows was already gone when its watch was set. */
  nodeGone(path: string): void;
  isStopped(): boolean;
}

export class LiveSubscriptions {
  /** Subscriptions the server holds for this stream (or is being asked to). */
  private readonly sent = new Set<string>();
  /** Subscriptions the server refused for good (until the next session or stream). */
  private readonly refused = new Set<string>();
  private readonly explicit = new Map<string, number>();
  /** The latest server-side state of each subscription, to catch fetches older than the watch. */
  private readonly known = new Map<string, WatchSnapshot>();
  /** Watch states a failed read was already retried for. */
  private readonly retried = new WeakSet<WatchSnapshot>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private syncing = false;
  private again = false;
  private unsubscribeCache: (() => void) | null = null;
  private readonly armedListeners = new Set<() => void>();

  constructor(private readonly host: SubscriptionHost) {}

  start(): void {
    this.unsubscribeCache = this.host.client.getQueryCache().subscribe((e) => this.onCacheEvent(e));
  }

  stop(): void {
    this.unsubscribeCache?.();
    this.unsubscribeCache = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Watches a path for as long as the returned function is not called (reference counted). */
  watch(path: string, kind: WatchKind): () => void {
    const key = subscriptionKey(kind, path);
    this.explicit.set(key, (this.explicit.get(key) ?? 0) + 1);
    this.schedule();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.explicit.get(key) ?? 1) - 1;
      if (n > 0) this.explicit.set(key, n);
      else this.explicit.delete(key);
      this.schedule();
    };
  }

  /**
   * Calls `listener` whenever the server has armed explicit watches: what a view read before its
   * watches were armed may have changed meanwhile, so it reads again then.
   */
  onArmed(listener: () => void): () => void {
    this.armedListeners.add(listener);
    return () => void this.armedListeners.delete(listener);
  }

  /** A new stream holds nothing: everything is subscribed again. */
  streamChanged(): void {
    this.sent.clear();
    this.refused.clear();
    this.schedule();
  }

  /** A new session may allow what the old one refused, and may need the failed retried. */
  retryRefused(): void {
    this.refused.clear();
    this.schedule();
  }

  /** Updates what the server's watches last said, from an event of the stream. */
  observe(event: LiveEvent): void {
    if (event.type === 'watch-error') {
      const key = subscriptionKey(event.kind, event.path);
      this.sent.delete(key);
      this.refused.add(key);
      return;
    }
    if (!isNodeEvent(event)) return;
    const kind: WatchKind = event.type === 'children' ? 'children' : 'data';
    const key = subscriptionKey(kind, event.path);
    if (!this.sent.has(key)) return;
    const exists = event.type === 'children' ? event.exists : event.type !== 'deleted';
    const stat = event.type === 'deleted' ? null : event.stat;
    this.known.set(key, { path: event.path, kind, exists, stat });
  }

  schedule(): void {
    if (this.timer || this.host.isStopped()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync();
    }, SYNC_DEBOUNCE_MS);
  }

  /** Node and child-list queries that something on the page observes. */
  private wanted(): Set<string> {
    const keys = new Set(this.explicit.keys());
    for (const q of this.host.client.getQueryCache().getAll()) {
      if (q.getObserversCount() === 0) continue;
      const key = parseConnectionQueryKey(q.queryKey, this.host.connection);
      if (key?.resource === 'node') keys.add(subscriptionKey('data', key.path));
      else if (key?.resource === 'children' && !key.params.stat) keys.add(subscriptionKey('children', key.path));
    }
    return keys;
  }

  private onCacheEvent(e: QueryCacheNotifyEvent): void {
    const key = parseConnectionQueryKey(e.query.queryKey, this.host.connection);
    if (!key) return;
    if (e.type === 'observerAdded' || e.type === 'observerRemoved' || e.type === 'removed') this.schedule();
    // A fetch that started before its watch was set may be older than the watch: fetch again.
    else if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual && (key.resource === 'node' || key.resource === 'children')) {
      const snapshot = this.known.get(subscriptionKey(key.resource === 'node' ? 'data' : 'children', key.path));
      if (snapshot) this.reconcile(snapshot);
    } else if (e.type === 'updated' && e.action.type === 'error' && key.resource === 'node') {
      // Not found, though the watch saw it: read again, once per watch state (it may be gone again).
      const snapshot = this.known.get(subscriptionKey('data', key.path));
      if (snapshot && !this.retried.has(snapshot)) {
        this.retried.add(snapshot);
        this.reconcile(snapshot);
      }
    }
  }

  private reconcile(snapshot: WatchSnapshot): void {
    const { client, connection } = this.host;
    if (snapshot.kind === 'data' && !snapshot.exists && client.getQueryData(nodeKeys.detail(connection, snapshot.path))) {
      this.host.nodeGone(snapshot.path);
      return;
    }
    if (!isStale(client, connection, snapshot)) return;
    const queryKey = snapshot.kind === 'data' ? nodeKeys.detail(connection, snapshot.path) : childrenKeys.of(connection, snapshot.path);
    void client.invalidateQueries({ queryKey, exact: snapshot.kind === 'data' });
  }

  private async sync(): Promise<void> {
    const stream = this.host.stream();
    if (!stream) return; // the hello event syncs
    if (this.syncing) {
      this.again = true;
      return;
    }
    const wanted = this.wanted();
    const add = [...wanted].filter((k) => !this.sent.has(k) && !this.refused.has(k)).slice(0, SYNC_BATCH);
    const remove = [...this.sent].filter((k) => !wanted.has(k)).slice(0, SYNC_BATCH);
    if (add.length === 0 && remove.length === 0) return;
    this.syncing = true;
    for (const k of add) this.sent.add(k);
    for (const k of remove) {
      this.sent.delete(k);
      this.known.delete(k);
    }
    let retry = false;
    try {
      retry = await this.send(stream, add, remove);
    } catch (e) {
      for (const k of add) this.sent.delete(k);
      if (isApiError(e) && e.details.stream === 'unknown') this.host.streamLost();
      else retry = true;
    } finally {
      this.syncing = false;
    }
    if (this.again || add.length === SYNC_BATCH || remove.length === SYNC_BATCH) {
      this.again = false;
      this.schedule();
    } else if (retry && !this.host.isStopped()) {
      setTimeout(() => this.schedule(), RETRY_MS);
    }
  }

  /** One request to the server; true when some subscriptions failed for now and are worth retrying. */
  private async send(stream: string, add: string[], remove: string[]): Promise<boolean> {
    const { connection } = this.host;
    const answer = await requestJson<SubscriptionsAnswer>(connectionUrl(connection, 'events/subscriptions'), {
      method: 'POST',
      body: { stream, add: add.map(parseSubscriptionKey), remove: remove.map(parseSubscriptionKey) },
    });
    if (answer.stream !== this.host.stream()) return false;
    let armedExplicit = false;
    for (const snapshot of answer.added) {
      const key = subscriptionKey(snapshot.kind, snapshot.path);
      this.known.set(key, snapshot);
      applyWatchSnapshot(this.host.client, this.host.connection, snapshot);
      this.reconcile(snapshot);
      armedExplicit ||= this.explicit.has(key);
    }
    if (armedExplicit) this.armedListeners.forEach((l) => l());
    let retry = false;
    for (const f of answer.failed) {
      const key = subscriptionKey(f.kind, f.path);
      this.sent.delete(key);
      if (!PERMANENT.has(f.code)) {
        retry = true;
        continue;
      }
      this.refused.add(key);
      this.host.report({ type: 'watch-error', at: Date.now(), path: f.path, kind: f.kind, code: f.code, message: `Cannot watch ${f.path}: ${f.message}` });
    }
    return retry;
  }
}
