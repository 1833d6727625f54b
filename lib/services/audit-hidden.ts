/**
 * Why the audit log hides a value from its reader, in the API's English with a code (and params)
 * beside it for the browser's catalogs (`audit.value.hiddenReasons`).
 */
import 'server-only';
import type { HiddenReasonCode } from '@/lib/shared/audit';

export interface Hidden {
  reason: string;
  reasonCode: HiddenReasonCode;
  params?: { code: string };
}

/** The English of each reason (the API's words; tests/unit/coded-messages-ui.test.ts holds the catalog to them). */
export const HIDDEN_REASONS: Record<HiddenReasonCode, (code: string) => string> = {
  noAuth: () => 'your ZooKeeper identities cannot read this node now',
  noNode: () => 'the node no longer exists, so who may read it cannot be checked',
  unknownConnection: () => 'the connection is no longer configured',
  cannotCheck: (code) => `whether you may read this node cannot be checked now (${code})`,
  notTiedToNode: () => 'it is not tied to a node',
};

export function hiddenReason(reasonCode: HiddenReasonCode, code?: string): Hidden {
  return { reason: HIDDEN_REASONS[reasonCode](code ?? ''), reasonCode, ...(code ? { params: { code } } : {}) };
}
