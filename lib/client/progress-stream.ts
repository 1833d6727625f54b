/**
 * Reads a long operation's NDJSON answer (progress lines, then `{"done":true}` or the error
 * envelope), as the recursive delete and the subtree ACL change send it.
 */
import { ApiError } from './api-client';
import { readLines } from './ndjson';

export async function readProgressStream<P>(response: Response, onProgress: (progress: P) => void, unfinished: string): Promise<void> {
  const finished = await readLines(response, (message) => {
    if (message.done) return true;
    onProgress(message as P);
  });
  if (!finished) throw new ApiError('INTERNAL', unfinished, response.status);
}
