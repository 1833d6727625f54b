/**
 * The browser side of the live event stream: ONE EventSource per tab and connection. It reports
 * the stream's and the ZooKeeper session's state, and hands each event to the subscriptions
 * (what the server watches for this tab) and the frames (the cache, the log, deleted notices).
 */
import type { QueryClient } from '@tanstack/react-query';
import { LIVE_EVENT_TYPES, type LiveEvent, type LiveSessionState, type WatchKind } from '@/lib/shared/events';
import { connectionUrl } from './api-client';
import { LiveFrames, type DeletedNotice, type LogEntry } from './live-frames';
import { createStore, type Store } from './live-store';
import { checkReachable, reportAnswered } from './reachability';
import { LiveSubscriptions } from './live-subscriptions';

export type TransportState = 'connecting' | 'open' | 'reconnecting';

export interface LiveStatus {
  /** The stream to the dashboard server. */
  transport: TransportState;
  /** The dashboard's ZooKeeper session, as last reported. */
  session: LiveSessionState;
  server: string | null;
  sessionId: string | null;
  /** The server's (English) sentence for the last session event, rendered from the catalog by `session`. */
  message: string | null;
  /** On `recovered`: how many watches were re-established. */
  watches: number | null;
  /** When `session` last changed (ms since the epoch). */
  since: number;
}

const REOPEN_MS = 3000;

export class LiveClient {
  readonly connection: string;
  readonly status: Store<LiveStatus>;
  private readonly frames: LiveFrames;
  private readonly subscriptions: LiveSubscriptions;
  private source: EventSource | null = null;
  private streamId: string | null = null;
  /** Streams this client has had: after the first, a new one means events may have been missed. */
  private streamsSeen = 0;
  private lastEventId: string | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;

  constructor(connection: string, client: QueryClient) {
    this.connection = connection;
    this.status = createStore<LiveStatus>({
      transport: 'connecting',
      session: 'connecting',
      server: null,
      sessionId: null,
      message: null,
      watches: null,
      since: Date.now(),
    });
    this.frames = new LiveFrames(client, connection);
    this.subscriptions = new LiveSubscriptions({
      connection,
      client,
      stream: () => this.streamId,
      report: (event) => this.receive(event),
      streamLost: () => {
        // The server forgot the stream (restart, or away too long): start a new one.
        this.streamId = null;
        this.lastEventId = null;
        this.reopenLater();
      },
      nodeGone: (path) => this.frames.markDeleted(path),
      isStopped: () => this.stopped,
    });
  }

  /** The Events panel's log. */
  get log(): Store<readonly LogEntry[]> {
    return this.frames.log;
  }

  /** Nodes on screen deleted elsewhere. */
  get deleted(): Store<ReadonlyMap<string, DeletedNotice>> {
    return this.frames.deleted;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.subscriptions.start();
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.subscriptions.stop();
    this.source?.close();
    this.source = null;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
  }

  /** Watches a path for as long as the returned function is not called (reference counted). */
  watch(path: string, kind: WatchKind): () => void {
    return this.subscriptions.watch(path, kind);
  }

  /** See LiveSubscriptions.onArmed. */
  onArmed(listener: () => void): () => void {
    return this.subscriptions.onArmed(listener);
  }

  clearLog(): void {
    this.frames.clearLog();
  }

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
    source.onopen = () => {
      reportAnswered();
      this.setTransport('open');
    };
    source.onerror = () => {
      if (this.source !== source) return;
      // A stream also ends while the server is there (it closed it): a probe tells the two apart.
      checkReachable();
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
      this.setSession(event.state, event.server, event.sessionId, null, null, 'open');
      if (fresh) {
        // The server holds nothing for a new stream: subscribe again, and refetch what may
        // have changed while there was none.
        if (this.streamsSeen++ > 0) this.frames.apply({ type: 'resync', at: event.at, reason: 'unknown-stream', message: 'A new event stream was opened.' });
        this.subscriptions.streamChanged();
      }
      return;
    }
    if (event.type === 'session') {
      this.setSession(event.state, event.server, event.sessionId, event.message, event.watches ?? null);
      if (event.state === 'recovered' || event.state === 'reconnected' || event.state === 'connected') this.subscriptions.retryRefused();
    }
    this.subscriptions.observe(event);
    this.frames.record(event);
  }

  private setSession(session: LiveSessionState, server: string | null, sessionId: string | null, message: string | null, watches: number | null, transport?: TransportState): void {
    const s = this.status.get();
    this.status.set({
      transport: transport ?? s.transport,
      session,
      server: server ?? (session === s.session ? s.server : null),
      sessionId: sessionId ?? s.sessionId,
      message,
      watches,
      since: session === s.session ? s.since : Date.now(),
    });
  }
}
