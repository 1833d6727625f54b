/**
 * The server-sent-events wire format of the live streams, and the connection a stream writes
 * to. Pure encoding: lib/api/sse.ts turns a connection into an HTTP response.
 */
import 'server-only';

/** Heartbeat comment interval: env ZOOSCOPE_SSE_HEARTBEAT_MS, at most 15 s (proxies drop idle streams). */
export function heartbeatMs(): number {
  const configured = Number(process.env.ZOOSCOPE_SSE_HEARTBEAT_MS);
  return Number.isFinite(configured) && configured > 0 ? Math.min(configured, 15_000) : 10_000;
}

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
