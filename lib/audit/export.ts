import 'server-only';
import { iterateAudit } from './store';
import type { AuditEntry, AuditFilter } from '@/lib/shared/audit';

const BATCH = 200;

/**
 * The matching entries as JSON lines, oldest first, streamed in batches; `view` turns each batch
 * into what the reader may see.
 */
export function auditLines(filter: AuditFilter, view: (entries: AuditEntry[]) => Promise<AuditEntry[]>): ReadableStream<Uint8Array> {
  const entries = iterateAudit(filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch: AuditEntry[] = [];
      let done = false;
      while (batch.length < BATCH) {
        const next = entries.next();
        if (next.done) {
          done = true;
          break;
        }
        batch.push(next.value);
      }
      const shown = await view(batch);
      if (shown.length > 0) controller.enqueue(encoder.encode(shown.map((e) => `${JSON.stringify(e)}\n`).join('')));
      if (done) controller.close();
    },
  });
}
