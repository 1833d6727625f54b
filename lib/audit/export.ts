import 'server-only';
import { iterateAudit } from './store';
import type { AuditFilter } from '@/lib/shared/audit';

/** The matching entries as JSON lines, oldest first, streamed in batches. */
export function auditLines(filter: AuditFilter): ReadableStream<Uint8Array> {
  const entries = iterateAudit(filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = '';
      for (let i = 0; i < 200; i++) {
        const next = entries.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += `${JSON.stringify(next.value)}\n`;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
