/** The audit of an import, copy or move: recorded before anything is written, finished with its counts. */
import 'server-only';
import { beginAudit, type AuditActor } from '@/lib/audit/recorder';
import type { AuditOperation } from '@/lib/shared/audit';
import type { BulkResult } from '@/lib/shared/export-format';
import type { Stopped } from './apply';

export function countsOf(r: BulkResult): Record<string, unknown> {
  return {
    created: r.created,
    updated: r.updated,
    skipped: r.skipped,
    failed: r.failed,
    transactions: r.transactions,
    ...(r.parentsCreated.length > 0 ? { parents: r.parentsCreated } : {}),
    ...(r.deleted !== undefined ? { deleted: r.deleted } : {}),
  };
}

export async function auditedBulk(
  actor: AuditActor,
  operation: AuditOperation,
  path: string,
  detail: Record<string, unknown>,
  signal: AbortSignal | undefined,
  run: () => Promise<BulkResult & { stopped?: Stopped }>,
): Promise<BulkResult> {
  const pending = beginAudit(actor, { operation, path, detail });
  let result: BulkResult & { stopped?: Stopped };
  try {
    result = await run();
  } catch (e) {
    // Thrown before any transaction was sent (a read failed): nothing was written.
    pending.failed(e, null);
    throw e;
  }
  const { stopped, ...out } = result;
  const wrote = out.transactions > 0;
  if (stopped) pending.failed(stopped.error, wrote ? countsOf(out) : null);
  else pending.done({ detail: { ...detail, ...countsOf(out), outcome: signal?.aborted ? 'cancelled' : 'done' } });
  return out;
}
