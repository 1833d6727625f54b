/** Reads a newline-delimited JSON answer line by line; an error envelope line throws ApiError. */
import { errorFromEnvelope } from './api-client';

/**
 * Hands each line to `onLine` until it returns true (finished) or the stream ends; says which.
 * `afterChunk` runs after the lines of each piece that arrived together.
 */
export async function readLines(response: Response, onLine: (line: Record<string, unknown>) => boolean | void, afterChunk?: () => void): Promise<boolean> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line) continue;
        const message = JSON.parse(line) as Record<string, unknown>;
        if (message.error) throw errorFromEnvelope(message, response.status);
        if (onLine(message)) return true;
      }
      afterChunk?.();
    }
  } finally {
    reader.releaseLock();
  }
}
