/**
 * The browser side of the live event stream: ONE EventSource per tab and connection. It watches
 * what the page shows (every node and child-list query with an observer, plus explicit watches
 * such as the Events page's), keeps the server's subscriptions in step without reopening the
 * stream, and feeds the events to the query cache once per animation frame.
 */
import { notifyManager, type QueryCacheNotifyEvent, type QueryClient } from '@tanstack/react-query';
import {
  EventQueue,
  LIVE_EVENT_TYPES,
  isNodeEvent,
  parseSubscriptionKey,
  subscriptionKey,
  type LiveEvent,
  type SubscriptionsAnswer,
  type LiveSessionState,
  type WatchKind,
  type WatchSnapshot,
} from '@/lib/shared/events';
import { connectionUrl, isApiError, requestJson } from './api-client';
import { nodeKeys } from './nodes';
import { applyLiveEvents, isStale } from './live-cache';
import { createStore, type Store } from './live-store';

export type TransportState = 'connecting' | 'open' | 'reconnecting';

export interface LiveStatus {
  /** The stream to the dashboard server. */
  transport: TransportState;
  /** The dashboard's ZooKeeper session, as last reported. */
  session: LiveSessionState;
  server: string | null;
  sessionId: string | null;
  message: string | null;
  /** When `session` last changed (ms since the epoch). */
  since: number;
}

export interface LogEntry {
  /** Increases by one per event received in this tab. */
  seq: number;
  receivedAt: number;
  event: LiveEvent;
}

/** A node the open page shows that was deleted elsewhere (cleared when it is created again). */
export interface DeletedNotice {
  at: number;
  by?: string;
}

/** Events kept for the Events panel. */
export const LOG_LIMIT = 1000;
/** Per-frame buffer bound: more distinct changes than this in one frame means "refetch instead". */
const FRAME_BUFFER_LIMIT = 5000;
const SYNC_DEBOUNCE_MS = 30;
const SYNC_BATCH = 500;
const REOPEN_MS = 3000;

/** Codes that will not change by retrying the same subscription on the same session. */
const PERMANENT = new Set(['INVALID_PATH', 'INVALID_REQUEST', 'NO_AUTH', 'FORBIDDEN', 'UNSUPPORTED']);

export class LiveClient {
  readonly connection: string;
  readonly status: Store<LiveStatus>;
  readonly log: Store<readonly LogEntry[]>;
  readonly deleted: Store<ReadonlyMap<string, DeletedNotice>>;
  private readonly client: QueryClient;
  private source: EventSource | null = null;
  private streamId: string | null = null;
  /** Streams this client has had: after the first, a new one means events may have been missed. */
  private streamsSeen = 0;
  private lastEventId: string | null = null;
  /** Subscriptions the server holds for this stream (or is being asked to). */
  private readonly sent = new Set<string>();
  /** Subscriptions the server refused for good (until the next session or stream). */
  private readonly refused = new Set<string>();
  private readonly explicit = new Map<string, number>();
  /** The latest server-side state of each subscription, to catch fetches older than the watch. */
  private readonly known = new Map<string, WatchSnapshot>();
  private syncTimer: ReturnType<typeof setTimeout> | null = null;
  private syncing = false;
  private syncAgain = false;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly frame = new EventQueue(FRAME_BUFFER_LIMIT, 'Too many changes to apply one by one.');
  private frameScheduled = false;
  private logSeq = 0;
  private pendingLog: LogEntry[] = [];
  private unsubscribeCache: (() => void) | null = null;
  private stopped = true;

  constructor(connection: string, client: QueryClient) {
    this.connection = connection;
    this.client = client;
    this.status = createStore<LiveStatus>({
      transport: 'connecting',
      session: 'connecting',
      server: null,
      sessionId: null,
      message: null,
      since: Date.now(),
    });
    this.log = createStore<readonly LogEntry[]>([]);
    this.deleted = createStore<ReadonlyMap<string, DeletedNotice>>(new Map());
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribeCache = this.client.getQueryCache().subscribe((e) => this.onCacheEvent(e));
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribeCache?.();
    this.source?.close();
    this.source = null;
    for (const t of [this.syncTimer, this.reopenTimer]) if (t) clearTimeout(t);
    this.syncTimer = this.reopenTimer = null;
  }

  /** Watches a path for as long as the returned function is not called (reference counted). */
  watch(path: string, kind: WatchKind): () => void {
    const key = subscriptionKey(kind, path);
    this.explicit.set(key, (this.explicit.get(key) ?? 0) + 1);
    this.scheduleSync();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.explicit.get(key) ?? 1) - 1;
      if (n > 0) this.explicit.set(key, n);
      else this.explicit.delete(key);
      this.scheduleSync();
    };
  }

  clearLog(): void {
    this.log.set([]);
  }

  // ---- stream ------------------------------------------------------------------------------

  private open(): void {
    // After a manual reopen the server may still know the stream: ask it to resume.
    const url = connectionUrl(this.connection, 'events', { lastEventId: this.lastEventId ?? undefined });
    const source = new EventSource(url);
    this.source = source;
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (m) => {
        if (this.source !== source) return;
        if (m.lastEventId) this.lastEventId = m.lastEventId;
        this.receive(JSON.parse(m.data) as LiveEvent);
      });
    }
    source.onopen = () => this.setTransport('open');
    source.onerror = () => {
      if (this.source !== source) return;
      this.setTransport('reconnecting');
      // A refused stream (HTTP error) is not retried by the browser: reopen it ourselves.
      if (source.readyState === EventSource.CLOSED) this.reopenLater();
    };
  }

  private reopenLater(): void {
    this.source?.close();
    this.source = null;
    if (this.stopped || this.reopenTimer) return;
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = null;
      if (!this.stopped) this.open();
    }, REOPEN_MS);
  }

  private setTransport(transport: TransportState): void {
    const s = this.status.get();
    if (s.transport !== transport) this.status.set({ ...s, transport });
  }

  private receive(event: LiveEvent): void {
    if (event.type === 'hello') {
      const fresh = event.stream !== this.streamId;
      this.streamId = event.stream;
      this.setSession(event.state, event.server, event.sessionId, null, 'open');
      if (fresh) {
        // The server holds nothing for a new stream: subscribe again, and refetch what may
        // have changed while there was none.
        this.sent.clear();
        this.refused.clear();
        if (this.streamsSeen++ > 0) this.enqueue({ type: 'resync', at: event.at, reason: 'unknown-stream', message: 'A new event stream was opened.' });
        this.scheduleSync();
      }
      return;
    }
    if (event.type === 'session') {
      this.setSession(event.state, event.server, event.sessionId, event.message);
      // A new session may allow what the old one refused, and may need the failed retried.
      if (event.state === 'recovered' || event.state === 'reconnected' || event.state === 'connected') {
        this.refused.clear();
        this.scheduleSync();
      }
    }
    if (event.type === 'watch-error') {
      const key = subscriptionKey(event.kind, event.path);
      this.sent.delete(key);
      this.refused.add(key);
    }
    this.rememberState(event);
    this.pendingLog.push({ seq: ++this.logSeq, receivedAt: Date.now(), event });
    this.enqueue(event);
  }

  private setSession(session: LiveSessionState, server: string | null, sessionId: string | null, message: string | null, transport?: TransportState): void {
    const s = this.status.get();
    this.status.set({
      transport: transport ?? s.transport,
      session,
      server: server ?? (session === s.session ? s.server : null),
      sessionId: sessionId ?? s.sessionId,
      message,
      since: session === s.session ? s.since : Date.now(),
    });
  }

  private rememberState(event: LiveEvent): void {
    if (!isNodeEvent(event)) return;
    const kind: WatchKind = event.type === 'children' ? 'children' : 'data';
    const key = subscriptionKey(kind, event.path);
    if (!this.sent.has(key)) return;
    const exists = event.type === 'children' ? event.exists : event.type !== 'deleted';
    const stat = event.type === 'deleted' ? null : event.stat;
    this.known.set(key, { path: event.path, kind, exists, stat });
  }

  // ---- per-frame application ---------------------------------------------------------------

  private enqueue(event: LiveEvent): void {
    this.frame.push(event);
    if (this.frameScheduled) return;
    this.frameScheduled = true;
    // Background tabs get no animation frames; they still stay current, less often.
    if (typeof document !== 'undefined' && document.hidden) setTimeout(() => this.applyFrame(), 250);
    else requestAnimationFrame(() => this.applyFrame());
  }

  private applyFrame(): void {
    this.frameScheduled = false;
    const events = this.frame.take();
    notifyManager.batch(() => applyLiveEvents(this.client, this.connection, events));
    this.updateDeleted(events);
    if (this.pendingLog.length > 0) {
      const next = [...this.log.get(), ...this.pendingLog];
      this.pendingLog = [];
      this.log.set(next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next);
    }
  }

  private updateDeleted(events: readonly LiveEvent[]): void {
    let next: Map<string, DeletedNotice> | null = null;
    for (const e of events) {
      const isDelete = e.type === 'deleted';
      if (!isDelete && e.type !== 'created' && e.type !== 'resync') continue;
      next ??= new Map(this.deleted.get());
      if (e.type === 'resync') next.clear();
      else if (isDelete) next.set(e.path, { at: e.at, by: e.by });
      else next.delete(e.path);
    }
    if (next) this.deleted.set(next);
  }

  // ---- subscriptions -----------------------------------------------------------------------

  /** Node and child-list queries that something on the page observes. */
  private wanted(): Set<string> {
    const keys = new Set(this.explicit.keys());
    for (const q of this.client.getQueryCache().getAll()) {
      const [root, id, kind, path, params] = q.queryKey as [unknown, unknown, unknown, unknown, { stat?: boolean } | undefined];
      if (root !== 'conn' || id !== this.connection || typeof path !== 'string' || q.getObserversCount() === 0) continue;
      if (kind === 'node' && q.queryKey.length === 4) keys.add(subscriptionKey('data', path));
      else if (kind === 'children' && params && !params.stat) keys.add(subscriptionKey('children', path));
    }
    return keys;
  }

  private onCacheEvent(e: QueryCacheNotifyEvent): void {
    const [root, id] = e.query.queryKey;
    if (root !== 'conn' || id !== this.connection) return;
    if (e.type === 'observerAdded' || e.type === 'observerRemoved' || e.type === 'removed') this.scheduleSync();
    else if (e.type === 'updated' && e.action.type === 'success' && !e.action.manual) this.checkFetched(e.query.queryKey);
  }

  /** A fetch that started before its watch was set may be older than the watch: fetch again. */
  private checkFetched(queryKey: readonly unknown[]): void {
    const [, , kind, path] = queryKey;
    if (typeof path !== 'string' || (kind !== 'node' && kind !== 'children')) return;
    const snapshot = this.known.get(subscriptionKey(kind === 'node' ? 'data' : 'children', path));
    if (snapshot) this.reconcile(snapshot);
  }

  private reconcile(snapshot: WatchSnapshot): void {
    if (snapshot.kind === 'data' && !snapshot.exists && this.client.getQueryData(nodeKeys.detail(this.connection, snapshot.path))) {
      if (!this.deleted.get().has(snapshot.path)) this.deleted.set(new Map(this.deleted.get()).set(snapshot.path, { at: Date.now() }));
      return;
    }
    if (!isStale(this.client, this.connection, snapshot)) return;
    const queryKey = snapshot.kind === 'data' ? nodeKeys.detail(this.connection, snapshot.path) : ['conn', this.connection, 'children', snapshot.path];
    void this.client.invalidateQueries({ queryKey, exact: snapshot.kind === 'data' });
  }

  private scheduleSync(): void {
    if (this.syncTimer || this.stopped) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = null;
      void this.sync();
    }, SYNC_DEBOUNCE_MS);
  }

  private async sync(): Promise<void> {
    const stream = this.streamId;
    if (!stream) return; // the hello event syncs
    if (this.syncing) {
      this.syncAgain = true;
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
      const answer = await requestJson<SubscriptionsAnswer>(connectionUrl(this.connection, 'events/subscriptions'), {
        method: 'POST',
        body: { stream, add: add.map(parseSubscriptionKey), remove: remove.map(parseSubscriptionKey) },
      });
      if (answer.stream !== this.streamId) return;
      for (const snapshot of answer.added) {
        this.known.set(subscriptionKey(snapshot.kind, snapshot.path), snapshot);
        this.reconcile(snapshot);
      }
      for (const f of answer.failed) {
        const key = subscriptionKey(f.kind, f.path);
        this.sent.delete(key);
        if (!PERMANENT.has(f.code)) {
          retry = true;
          continue;
        }
        this.refused.add(key);
        // Shown in the Events panel like a watch that failed later.
        this.receive({ type: 'watch-error', at: Date.now(), path: f.path, kind: f.kind, code: f.code, message: `Cannot watch ${f.path}: ${f.message}` });
      }
    } catch (e) {
      for (const k of add) this.sent.delete(k);
      if (isApiError(e) && e.details.stream === 'unknown') {
        // The server forgot the stream (restart, or away too long): start a new one.
        this.streamId = null;
        this.lastEventId = null;
        this.reopenLater();
      } else retry = true;
    } finally {
      this.syncing = false;
    }
    if (this.syncAgain || add.length === SYNC_BATCH || remove.length === SYNC_BATCH) {
      this.syncAgain = false;
      this.scheduleSync();
    } else if (retry && !this.stopped) {
      setTimeout(() => this.scheduleSync(), REOPEN_MS);
    }
  }
}
