/** Reading the audit log: a page of entries, or all matching ones as a download. */
import 'server-only';
import { auditLines } from '@/lib/audit/export';
import { queryAudit } from '@/lib/audit/store';
import type { AuditFilter, AuditPage } from '@/lib/shared/audit';

/** Newest first; `before` (an entry id) continues an earlier page. */
export function auditPage(filter: AuditFilter & { before?: number; limit?: number }): AuditPage {
  return queryAudit(filter);
}

/** The matching entries as JSON lines, oldest first, with the file name to save them under. */
export function auditExport(filter: AuditFilter): { filename: string; lines: ReadableStream<Uint8Array> } {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return { filename: `zooscope-audit-${stamp}.jsonl`, lines: auditLines(filter) };
}
