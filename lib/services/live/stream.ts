import 'server-only';
import { randomBytes } from 'node:crypto';
import { ZkError } from '@/lib/zk/errors';
import { processSingleton } from '@/lib/zk/singleton';
import type { ZkSession } from '@/lib/zk/session';
import { getWatchHub, type LiveSubscriber, type WatchHub } from '@/lib/zk/watch-hub';
import { EventQueue, formatEventId, subscriptionKey, type LiveEvent, type WatchKind, type WatchSnapshot } from '@/lib/shared/events';
import type { SessionInfo } from '@/lib/shared/types';
import type { ConnectionContext } from '../connections';
import { heartbeatMs, sseBody, sseFrame, sseFrames, type SseConnection } from './frames';
import { MAX_SUBSCRIPTIONS, admitStream, admitSubscriptions, refuseStreamSubscriptions, releaseStream, releaseSubscriptions } from './limits';

/**
 * One browser tab's event stream. It outlives a dropped HTTP connection for a grace period so
 * that the browser's automatic reconnect (with Last-Event-ID) resumes it: subscriptions stay,
 * events that were sent but maybe not received are replayed from a bounded buffer, and events
 * that arrived meanwhile wait in the (bounded, coalescing) queue.
 */

/**
 * Events waiting for a slow or absent reader (env ZOOSCOPE_LIVE_QUEUE_EVENTS, default 512, and
 * 4 MiB); beyond that the reader is told to resync.
 */
function maxPendingEvents(): number {
  const configured = Number(process.env.ZOOSCOPE_LIVE_QUEUE_EVENTS);
  return Number.isInteger(configured) && configured > 0 ? configured : 512;
}
const MAX_PENDING_BYTES = 4 * 1024 * 1024;
/** Recently sent events kept for Last-Event-ID replay. */
const REPLAY_EVENTS = 256;
const REPLAY_BYTES = 1024 * 1024;
/** Events written per chunk: one write for a burst, small enough to keep the first event prompt. */
const EVENTS_PER_CHUNK = 256;

/** How long a stream without a connection keeps its subscriptions: env ZOOSCOPE_LIVE_GRACE_MS. */
function graceMs(): number {
  const configured = Number(process.env.ZOOSCOPE_LIVE_GRACE_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 20_000;
}

/** Each event is serialized once, however many streams it goes to. */
const bodies = new WeakMap<LiveEvent, Uint8Array>();
function bodyOf(event: LiveEvent): Uint8Array {
  let body = bodies.get(event);
  if (body === undefined) {
    body = sseBody(event.type, JSON.stringify(event));
    bodies.set(event, body);
  }
  return body;
}

/**
 * Writes to one stream are at least this far apart: a burst becomes one chunk instead of one
 * per event (the first event after a quiet spell still goes out at once).
 */
const FLUSH_INTERVAL_MS = 20;

export class LiveStream implements LiveSubscriber {
  readonly id = randomBytes(12).toString('hex');
  /** Event ids are this followed by the sequence number (see formatEventId). */
  private readonly idPrefix = formatEventId(this.id, 0).slice(0, -1);
  readonly connectionId: string;
  /** The operator and sign-in session that opened it: nobody else may use it. */
  readonly owner: string;
  /** The sign-in session it belongs to (null: a local-mode browser without one); it ends with it. */
  readonly signInSession: string | null;
  readonly session: ZkSession;
  private readonly hub: WatchHub;
  private readonly subscriptions = new Set<string>();
  private seq = 0;
  private readonly pending = new EventQueue(
    maxPendingEvents(),
    'Too many changes arrived faster than this browser read them: reload what is shown.',
    (e) => bodyOf(e).length,
    MAX_PENDING_BYTES,
  );
  /** The bodies of the last REPLAY_EVENTS events sent, at seq % REPLAY_EVENTS (no object per event). */
  private readonly replay: Array<Uint8Array | undefined> = new Array(REPLAY_EVENTS);
  private replayBytes = 0;
  /** The oldest sequence number the replay buffer still holds. */
  private replayFrom = 1;
  private connection: SseConnection | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private lastFlush = 0;
  private graceTimer: NodeJS.Timeout | null = null;
  /** When its last connection ended (null while connected, or before the first). */
  detachedAt: number | null = null;
  private ended = false;

  /** Refused (429 WATCH_LIMIT) past the caps on streams, once no idle stream can make room. */
  constructor(ctx: ConnectionContext) {
    this.connectionId = ctx.connection.id;
    this.owner = ownerOf(ctx);
    admitStream(this.owner, endIdlest);
    this.signInSession = ctx.operator.sessionId;
    this.session = ctx.session;
    this.hub = getWatchHub(ctx.session);
    this.hub.attach(this);
    streams.set(this.id, this);
  }

  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  /** From the hub: queue the event, coalescing it with a queued one for the same node. */
  deliver(event: LiveEvent): void {
    if (this.ended) return;
    if (event.type === 'session' && event.state === 'closed') {
      this.enqueue(event);
      this.flush();
      this.end();
      return;
    }
    this.enqueue(event);
  }

  private enqueue(event: LiveEvent): void {
    this.pending.push(event);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer || !this.connection) return;
    const wait = Math.max(0, this.lastFlush + FLUSH_INTERVAL_MS - Date.now());
    // Even at once, after this turn of the event loop: what is delivered in it goes out together.
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, wait);
  }

  /** Writes queued events while the reader has room (also when it has room again). */
  flush(): void {
    const conn = this.connection;
    while (conn && conn.ready && this.pending.size > 0) {
      const first = this.seq + 1;
      const bodies = this.pending.take(EVENTS_PER_CHUNK, conn.room).map(bodyOf);
      for (const body of bodies) this.remember(++this.seq, body);
      this.lastFlush = Date.now();
      if (!conn.send(sseFrames(this.idPrefix, first, bodies))) return;
    }
  }

  private remember(seq: number, body: Uint8Array): void {
    const slot = seq % REPLAY_EVENTS;
    this.replayBytes += body.length - (this.replay[slot]?.length ?? 0);
    this.replay[slot] = body;
    this.replayFrom = Math.max(this.replayFrom, seq - REPLAY_EVENTS + 1);
    while (this.replayBytes > REPLAY_BYTES && this.replayFrom < seq) {
      const oldest = this.replayFrom++ % REPLAY_EVENTS;
      this.replayBytes -= this.replay[oldest]!.length;
      this.replay[oldest] = undefined;
    }
  }

  /**
   * Serves this stream on a new HTTP connection. `lastSeq` is the last event the browser got
   * (from Last-Event-ID): later ones are replayed when still buffered, otherwise it must resync.
   */
  attach(conn: SseConnection, lastSeq: number | null, session: SessionInfo): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.detachedAt = null;
    const previous = this.connection;
    this.connection = conn;
    previous?.close();
    const from = lastSeq === null ? this.seq : Math.min(lastSeq, this.seq);
    conn.send(
      sseFrame(
        formatEventId(this.id, from),
        'hello',
        JSON.stringify({
          type: 'hello',
          at: Date.now(),
          stream: this.id,
          resumed: lastSeq !== null,
          state: session.state,
          sessionId: session.sessionId,
          server: session.server,
          heartbeatMs: heartbeatMs(),
        } satisfies LiveEvent),
      ),
    );
    if (from < this.seq) {
      if (this.replayFrom <= from + 1) {
        const bodies = [];
        for (let seq = from + 1; seq <= this.seq; seq++) bodies.push(this.replay[seq % REPLAY_EVENTS]!);
        conn.send(sseFrames(this.idPrefix, from + 1, bodies));
      } else {
        this.pending.resync('gap', 'Some changes happened while this browser was away and are no longer buffered: reload what is shown.');
      }
    }
    this.scheduleFlush();
  }

  /** The HTTP connection ended: keep the subscriptions for a while in case the browser comes back. */
  detach(conn: SseConnection): void {
    if (this.connection !== conn) return;
    this.connection = null;
    if (this.ended) return;
    this.detachedAt = Date.now();
    const grace = graceMs();
    if (grace === 0) this.end();
    else {
      this.graceTimer = setTimeout(() => this.end(), grace);
      this.graceTimer.unref?.();
    }
  }

  /** Releases every subscription and forgets the stream. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.graceTimer) clearTimeout(this.graceTimer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.hub.detach(this);
    releaseSubscriptions(this.owner, this.subscriptions.size);
    releaseStream(this.owner);
    this.subscriptions.clear();
    this.pending.clear();
    streams.delete(this.id);
    this.connection?.close();
  }

  /**
   * Takes room for these subscriptions under the caps of the stream, its sign-in session and
   * the server, all of them or none (429 WATCH_LIMIT); those it has already cost nothing.
   */
  reserve(wanted: ReadonlyArray<{ path: string; kind: WatchKind }>): void {
    if (this.ended) throw new ZkError('INVALID_REQUEST', 'This event stream has ended: open a new one', undefined, { stream: 'unknown' });
    const fresh = new Set<string>();
    for (const w of wanted) {
      const key = subscriptionKey(w.kind, w.path);
      if (!this.subscriptions.has(key)) fresh.add(key);
    }
    if (this.subscriptions.size + fresh.size > MAX_SUBSCRIPTIONS) throw refuseStreamSubscriptions(this.subscriptions.size, fresh.size);
    admitSubscriptions(this.owner, fresh.size);
    for (const key of fresh) this.subscriptions.add(key);
  }

  async subscribe(path: string, kind: WatchKind): Promise<WatchSnapshot> {
    this.reserve([{ path, kind }]);
    try {
      const snapshot = await this.hub.subscribe(this, path, kind);
      // Ended while the watch was being set: the hub let go of this stream before it joined.
      if (this.ended) this.hub.unsubscribe(this, path, kind);
      return snapshot;
    } catch (e) {
      this.forget(subscriptionKey(kind, path));
      throw e;
    }
  }

  unsubscribe(path: string, kind: WatchKind): void {
    this.forget(subscriptionKey(kind, path));
    this.hub.unsubscribe(this, path, kind);
  }

  private forget(key: string): void {
    if (this.subscriptions.delete(key)) releaseSubscriptions(this.owner, 1);
  }
}

const streams = processSingleton('liveStreams', () => new Map<string, LiveStream>());

/** Every open stream (a copy: ending one while iterating is fine). */
export function allStreams(): LiveStream[] {
  return [...streams.values()];
}

/**
 * Ends the stream of `owner` (of anyone: null) that has been without a connection longest, to
 * make room for a new one; false when every such stream is being read.
 */
function endIdlest(owner: string | null): boolean {
  let idlest: LiveStream | null = null;
  for (const s of streams.values()) {
    if (s.detachedAt === null || (owner !== null && s.owner !== owner)) continue;
    if (!idlest || s.detachedAt < idlest.detachedAt!) idlest = s;
  }
  idlest?.end();
  return idlest !== null;
}

/** The operator and sign-in session a stream belongs to. */
function ownerOf(ctx: ConnectionContext): string {
  return `${ctx.operator.name}\u0000${ctx.operator.sessionId ?? ''}`;
}

/** The stream `id` if this context opened it: a stream is only ever used by its owner. */
export function findStream(ctx: ConnectionContext, id: string): LiveStream | null {
  const stream = streams.get(id);
  if (!stream || stream.connectionId !== ctx.connection.id || stream.owner !== ownerOf(ctx) || stream.session !== ctx.session) {
    return null;
  }
  return stream;
}
