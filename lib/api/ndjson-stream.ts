import 'server-only';
import { errorResponse } from './envelope';

/**
 * Streams newline-delimited JSON written by `run`; a failure ends the stream with the error
 * envelope. `signal` aborts when the client goes away (the request's signal, or the reader
 * cancelling the body), so that `run` can stop its work.
 */
export function streamLines(request: Request | null, run: (send: (value: unknown) => void, signal: AbortSignal) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const gone = new AbortController();
  const onAbort = () => gone.abort();
  request?.signal.addEventListener('abort', onAbort);
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => {
        if (!gone.signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      };
      try {
        await run(send, gone.signal);
      } catch (e) {
        send(await errorResponse(e).json());
      } finally {
        request?.signal.removeEventListener('abort', onAbort);
        if (!gone.signal.aborted) controller.close();
      }
    },
    cancel() {
      gone.abort();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  });
}
