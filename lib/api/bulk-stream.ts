import 'server-only';
import type { BulkJob } from '@/lib/services/bulk/apply';
import { streamLines } from './ndjson-stream';

/**
 * Runs a checked import, copy or move, streaming `{"done":n,"total":m}` lines and then
 * `{"result":…}` (or the error envelope). The client going away stops the job.
 */
export function streamJob(request: Request, job: BulkJob): Response {
  return streamLines(request, async (send, signal) => {
    const result = await job.run((p) => send(p), signal);
    send({ result });
  });
}
