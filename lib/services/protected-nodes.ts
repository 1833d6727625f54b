/**
 * Changes that break more than the node they touch: refused outright (ZooKeeper's own subtree,
 * the root's data), or carried out only when the operator typed the node's path after being told
 * what would happen (an ACL on `/`, an ACL that takes away the operator's own admin permission).
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import { isWithin } from '@/lib/shared/path';
import { keepsAdmin } from '@/lib/shared/acl-rules';
import { digestId } from '@/lib/shared/digest';
import type { Consequence } from '@/lib/shared/errors';
import type { AclEntry } from '@/lib/shared/types';
import { consequence } from './acl-consequences';
import type { ConnectionContext } from './connections';
import { credentialsOf } from './zk-credentials';

const SYSTEM = '/zookeeper';

const isSystem = (path: string) => isWithin(path, SYSTEM);

/** Creates under /zookeeper: ZooKeeper keeps its quotas and configuration there. */
export function refuseSystemCreate(path: string): void {
  if (isSystem(path)) {
    throw new ZkError('FORBIDDEN', `Nodes cannot be created under ${SYSTEM}: ZooKeeper keeps its quotas and configuration there (use zkCli's setquota for quotas)`, path);
  }
}

/** Data changes on / and in /zookeeper: every client reads them, or ZooKeeper itself does. */
export function refuseSystemData(path: string): void {
  if (path === '/') throw new ZkError('FORBIDDEN', 'The data of the root node / cannot be changed here: every client of the ensemble sees it', path);
  if (isSystem(path)) {
    throw new ZkError('FORBIDDEN', `The data under ${SYSTEM} belongs to ZooKeeper itself (quotas, dynamic configuration) and cannot be changed here`, path);
  }
}

/** Why this ACL change needs a typed confirmation, if it does. */
function dangers(context: ConnectionContext, path: string, acl: readonly AclEntry[], recursive: boolean): Consequence[] {
  const reasons: Consequence[] = [];
  if (path === '/') reasons.push(consequence(recursive ? 'rootAclRecursive' : 'rootAcl'));
  const credentials = credentialsOf(context.operator.sessionId, context.connection.id);
  const digests = new Set(
    credentials.filter((c) => c.scheme === 'digest').map((c) => digestId(c.credential.slice(0, c.credential.indexOf(':')), c.credential.slice(c.credential.indexOf(':') + 1))),
  );
  if (!keepsAdmin(acl, (id) => digests.has(id))) reasons.push(consequence('losesAdmin', { path, below: recursive ? 'yes' : 'no' }));
  return reasons;
}

/**
 * Refuses ACL changes in /zookeeper, and asks for `confirm` (the node's path, typed) before a
 * dangerous one: CONFIRMATION_REQUIRED says what would happen.
 */
export function checkAclChange(context: ConnectionContext, path: string, acl: readonly AclEntry[], opts: { recursive?: boolean; confirm?: string }): void {
  if (isSystem(path)) {
    throw new ZkError('FORBIDDEN', `The ACLs under ${SYSTEM} belong to ZooKeeper itself and cannot be changed here`, path);
  }
  const reasons = dangers(context, path, acl, opts.recursive === true);
  if (reasons.length === 0 || opts.confirm === path) return;
  const lines = reasons.map((r) => r.message);
  throw new ZkError('CONFIRMATION_REQUIRED', `${lines.join(' ')} Type the path ${path} to confirm.`, path, {
    confirm: path,
    consequence: lines,
    consequences: reasons,
  });
}
