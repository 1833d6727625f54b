import 'server-only';
import type { DeleteProgress } from '@/lib/zk/nodes';
import { errorResponse } from './envelope';

/** Whether the caller asked for progress lines (`Accept: application/x-ndjson`). */
export function wantsProgress(request: Request): boolean {
  return request.headers.get('accept')?.includes('application/x-ndjson') ?? false;
}

/**
 * Streams a long-running delete as newline-delimited JSON: progress lines, then `{"done":true}`
 * or the error envelope. The browser draws its progress bar from these lines.
 */
export function streamProgress<P = DeleteProgress>(run: (onProgress: (p: P) => void) => Promise<unknown>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        await run((p) => send(p));
        send({ done: true });
      } catch (e) {
        send(await errorResponse(e).json());
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' },
  });
}
