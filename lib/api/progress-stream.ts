import 'server-only';
import type { DeleteProgress } from '@/lib/zk/nodes';
import { streamLines } from './ndjson-stream';

/** Whether the caller asked for progress lines (`Accept: application/x-ndjson`). */
export function wantsProgress(request: Request): boolean {
  return request.headers.get('accept')?.includes('application/x-ndjson') ?? false;
}

/**
 * Streams a long-running delete as newline-delimited JSON: progress lines, then `{"done":true}`
 * or the error envelope. The browser draws its progress bar from these lines.
 */
export function streamProgress<P = DeleteProgress>(run: (onProgress: (p: P) => void) => Promise<unknown>): Response {
  return streamLines(null, async (send) => {
    await run((p) => send(p));
    send({ done: true });
  });
}
