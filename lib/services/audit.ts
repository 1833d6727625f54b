/** Reading the audit log: a page of entries, or all matching ones as a download, as the operator may see them. */
import 'server-only';
import type { Operator } from '@/lib/auth/operator';
import { auditLines } from '@/lib/audit/export';
import { queryAudit } from '@/lib/audit/store';
import type { AuditFilter, AuditPage } from '@/lib/shared/audit';
import { visibleTo } from './audit-visibility';

/** Newest first; `before` (an entry id) continues an earlier page. */
export async function auditPage(operator: Operator, filter: AuditFilter & { before?: number; limit?: number }): Promise<AuditPage> {
  const page = queryAudit(filter);
  return { ...page, entries: await visibleTo(operator, page.entries) };
}

/** The matching entries as JSON lines, oldest first, with the file name to save them under. */
export function auditExport(operator: Operator, filter: AuditFilter): { filename: string; lines: ReadableStream<Uint8Array> } {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return { filename: `zooscope-audit-${stamp}.jsonl`, lines: auditLines(filter, (entries) => visibleTo(operator, entries)) };
}
