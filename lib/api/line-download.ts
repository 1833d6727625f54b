import 'server-only';
import { errorResponse } from './envelope';

const CHUNK_BYTES = 64 * 1024;

/**
 * A download read from `lines` as the client takes it (backpressure: nothing is read ahead of
 * the client), gzip'd on request. A failure part way appends the error envelope as a last line,
 * so the file is visibly incomplete (it has no summary). The client going away ends `lines`.
 */
export function lineDownload(lines: AsyncGenerator<string>, abort: AbortController, gzip: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // A cancel lands while pull awaits the next line: the stream is closed by then, so pull must not touch it.
  let cancelled = false;
  const plain = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk = '';
      try {
        while (chunk.length < CHUNK_BYTES) {
          const next = await lines.next();
          if (cancelled) return;
          if (next.done) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            controller.close();
            return;
          }
          chunk += next.value;
        }
        controller.enqueue(encoder.encode(chunk));
      } catch (e) {
        if (cancelled) return;
        const envelope = await errorResponse(e).text();
        controller.enqueue(encoder.encode(`${chunk}${envelope}\n`));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      abort.abort();
      await lines.return(undefined);
    },
  });
  return gzip ? plain.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : plain;
}
