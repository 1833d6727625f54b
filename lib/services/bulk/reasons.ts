/**
 * The English of each per-node sentence of a run (BulkReasonCode), the API's words: the code and
 * its params go on the wire beside them so the browser can say the same from its catalog
 * (tests/unit/coded-messages-ui.test.ts holds the English catalog to these).
 */
import 'server-only';
import type { MessageParams } from '@/lib/shared/ensemble';
import type { BulkReasonCode } from '@/lib/shared/export-format';

const ENGLISH: Record<BulkReasonCode, (p: MessageParams) => string> = {
  parentOfTarget: () => 'a parent of the target',
  parentNotWritten: () => 'its parent is not written',
  unreadableExport: () => 'unreadable when exported (NO_AUTH): no value in the file',
  ephemeral: () => 'ephemeral (it belongs to a session)',
  redactedAcl: () => 'its digest ACL was exported hidden ("user:x": no ADMIN permission when exported); export it with credentials that have it',
  systemNode: () => 'ZooKeeper’s own node',
  systemCreate: (p) => `nodes cannot be created under ${p.system}`,
  exists: () => 'exists',
  rootData: () => 'the root’s data is not changed',
  existsFail: () => 'exists (onConflict=fail): nothing was written',
  sourceKept: () => 'Some nodes were not copied (skipped or refused), so the source was kept whole',
  refused: () => 'refused',
};

export const BULK_REASON_CODES = Object.keys(ENGLISH) as BulkReasonCode[];

/** A plan step's reason: the English with its code. */
export function reasonOf(code: BulkReasonCode, params?: MessageParams): { reason: string; reasonCode: BulkReasonCode; params?: MessageParams } {
  return { reason: ENGLISH[code](params ?? {}), reasonCode: code, ...(params ? { params } : {}) };
}

/** A per-node error of a run, worded by code. */
export function bulkError(path: string, code: string, messageCode: BulkReasonCode, params?: MessageParams) {
  return { path, code, message: ENGLISH[messageCode](params ?? {}), messageCode, ...(params ? { params } : {}) };
}
