import 'server-only';
import { heartbeatMs, type SseConnection, type SseHandlers } from '@/lib/services/live/frames';

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

/** How long the browser waits before reconnecting after the stream drops. */
export const RETRY_MS = 2000;

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

/** The last event the browser got: the Last-Event-ID header, or `lastEventId` in the query. */
export function lastEventId(request: Request): string | null {
  return request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
}
