/**
 * Reads a long operation's NDJSON answer (progress lines, then `{"done":true}` or the error
 * envelope), as the recursive delete and the subtree ACL change send it.
 */
import { ApiError, errorFromEnvelope } from './api-client';

export async function readProgressStream<P>(response: Response, onProgress: (progress: P) => void, unfinished: string): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line) continue;
      const message = JSON.parse(line) as { done?: boolean; error?: unknown };
      if (message.error) throw errorFromEnvelope(message, response.status);
      if (message.done) return;
      onProgress(message as P);
    }
  }
  throw new ApiError('INTERNAL', unfinished, response.status);
}
