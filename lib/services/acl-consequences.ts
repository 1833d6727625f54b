/**
 * The English of each consequence line of a dangerous ACL change (the API's words), with the
 * code and params the browser renders from its catalog (`acl.confirmation.consequences`).
 */
import 'server-only';
import type { MessageParams } from '@/lib/shared/ensemble';
import type { Consequence, ConsequenceCode } from '@/lib/shared/errors';

const ENGLISH: Record<ConsequenceCode, (p: MessageParams) => string> = {
  rootAclRecursive: () => 'It replaces the ACL of every node of this ensemble, the root included, with this one.',
  rootAcl: () => 'The ACL of / decides who may create and list top-level nodes for every client of this ensemble (nodes below keep their own ACLs).',
  losesAdmin: (p) =>
    `No entry gives admin (a) to an identity this dashboard session holds: after saving, you cannot change the ACL of ${p.path}${p.below === 'yes' ? ' or of any node below it' : ''} again without other credentials or a ZooKeeper super user.`,
};

export function consequence(code: ConsequenceCode, params?: MessageParams): Consequence {
  return { code, ...(params ? { params } : {}), message: ENGLISH[code](params ?? {}) };
}
