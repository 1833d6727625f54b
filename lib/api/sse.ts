import 'server-only';

/**
 * A server-sent-events response: framing, heartbeat, back-pressure and cleanup. The body is a
 * ReadableStream; the connection ends on the request's abort signal (client gone) or on the
 * stream's cancel (Next stops reading), whichever comes first, and cleanup runs exactly once.
 */

/**
 * `no-transform` also keeps Next's gzip off this response (its compression honours it): a
 * compressor holds back small chunks, which would delay every event.
 */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

/** Heartbeat comment interval: env ZOOSCOPE_SSE_HEARTBEAT_MS, at most 15 s (proxies drop idle streams). */
export function heartbeatMs(): number {
  const configured = Number(process.env.ZOOSCOPE_SSE_HEARTBEAT_MS);
  return Number.isFinite(configured) && configured > 0 ? Math.min(configured, 15_000) : 10_000;
}

/** How long the browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 2000;

/** One event; `data` must be a single line (JSON without indentation is). */
export function sseFrame(id: string | null, event: string, data: string): string {
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;
}

/**
 * Frames for consecutive events of one stream in one buffer: each event's `event:`/`data:` lines
 * are encoded once (`bodies`, shared by every stream an event goes to); only the `id:` line,
 * `{idPrefix}{sequence}`, is written per stream. Allocates nothing per event.
 */
export function sseFrames(idPrefix: string, firstSeq: number, bodies: readonly Uint8Array[]): Uint8Array {
  const head = 4 + idPrefix.length; // "id: " + prefix, then the digits and "\n"
  let size = 0;
  for (let i = 0; i < bodies.length; i++) size += head + digits(firstSeq + i) + 1 + bodies[i].length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < bodies.length; i++) {
    at += out.write('id: ', at, 'latin1');
    at += out.write(idPrefix, at, 'latin1');
    at = writeDigits(out, at, firstSeq + i);
    out[at++] = 0x0a;
    out.set(bodies[i], at);
    at += bodies[i].length;
  }
  return out;
}

function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

function writeDigits(out: Buffer, at: number, n: number): number {
  const end = at + digits(n);
  for (let i = end - 1; i >= at; i--) {
    out[i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}

export function sseBody(event: string, data: string): Uint8Array {
  return Buffer.from(`event: ${event}\ndata: ${data}\n\n`, 'utf8');
}

export interface SseConnection {
  /** Writes raw SSE text or bytes; false once the connection has ended. */
  send(data: string | Uint8Array): boolean;
  /** True while the reader keeps up (the response's queue has room). */
  readonly ready: boolean;
  /** Bytes the response's queue still has room for. */
  readonly room: number;
  readonly closed: boolean;
  /** Ends the response (the browser reconnects after RETRY_MS unless it closed itself). */
  close(): void;
}

export interface SseHandlers {
  /** Called once the stream exists; may write at once. */
  open(connection: SseConnection): void;
  /** The reader has room again after being full. */
  drain(): void;
  /** The connection ended (client gone, stream cancelled, or close()). Called once. */
  closed(): void;
}

/**
 * Bytes the response may hold before `ready` turns false. Kept small: what waits here can no
 * longer be coalesced, while what waits in a stream's own queue is replaced by newer states.
 */
const QUEUE_BYTES = 32 * 1024;

export function sseResponse(signal: AbortSignal, handlers: SseHandlers): Response {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let ended = false;
  let heartbeat: NodeJS.Timeout | undefined;

  const finish = (closeController: boolean) => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    signal.removeEventListener('abort', onAbort);
    if (closeController) {
      try {
        controller.close();
      } catch {
        // Already closed or errored by the runtime.
      }
    }
    handlers.closed();
  };
  const onAbort = () => finish(true);

  const connection: SseConnection = {
    send(data) {
      if (ended) return false;
      try {
        controller.enqueue(typeof data === 'string' ? encoder.encode(data) : data);
        return true;
      } catch {
        finish(false);
        return false;
      }
    },
    get ready() {
      return this.room > 0;
    },
    get room() {
      return ended ? 0 : Math.max(0, controller.desiredSize ?? 0);
    },
    get closed() {
      return ended;
    },
    close: () => finish(true),
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        connection.send(`retry: ${RETRY_MS}\n\n`);
        const every = heartbeatMs();
        heartbeat = setInterval(() => {
          // A backed-up reader is alive by definition; the comment would only add to the queue.
          if (connection.ready) connection.send(`: heartbeat ${Date.now()}\n\n`);
        }, every);
        heartbeat.unref?.();
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) finish(true);
        else handlers.open(connection);
      },
      pull() {
        if (!ended) handlers.drain();
      },
      cancel() {
        finish(false);
      },
    },
    { highWaterMark: QUEUE_BYTES, size: (chunk) => chunk?.byteLength ?? 0 },
  );
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
