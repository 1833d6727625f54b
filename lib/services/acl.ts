/**
 * ZooKeeper ACLs: read, and changed after a check per scheme (before anything reaches
 * ZooKeeper), saved against the node's ACL version (aversion), optionally applied to a whole
 * subtree, and audited. Changes in /zookeeper are refused; dangerous ones need a typed
 * confirmation (protected-nodes.ts).
 */
import 'server-only';
import { beginAudit } from '@/lib/audit/recorder';
import { textValue } from '@/lib/audit/values';
import { ZkError, isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { getAcl, setAcl } from '@/lib/zk/node-acl';
import { subtreeLevels } from '@/lib/zk/subtree';
import type { ZkSession } from '@/lib/zk/session';
import type { AclEntry } from '@/lib/shared/types';
import { checkAclForSession } from '@/lib/shared/acl-rules';
import type { AclProgress, AclResponse, SavedAcl } from '@/lib/shared/wire';
import { actorOf, type ConnectionContext } from './connections';
import { checkAclChange } from './protected-nodes';

export function readAcl(session: ZkSession, path: string): Promise<AclResponse> {
  return getAcl(session, path);
}

/** One entry per line, for the audit diff. */
function formatAcl(acl: readonly AclEntry[]): string {
  return acl.map((e) => `${e.scheme}:${e.id} ${e.perms}`).join('\n');
}

/** Entries valid in general that a server may still refuse, and why. */
function serverDependent(acl: readonly AclEntry[]): string[] {
  const reasons = new Set<string>();
  for (const e of acl) {
    if (e.scheme === 'auth') reasons.add('the "auth" scheme grants the identities this session has added, and it has none: add credentials first or use a digest entry');
    if (e.scheme === 'sasl' || e.scheme === 'x509') reasons.add(`the server may have no authentication provider for "${e.scheme}" (it must be enabled in its configuration)`);
    if (e.scheme === 'ip' && e.id.includes(':')) reasons.add('this server may accept only IPv4 addresses in ip entries (IPv6 needs a newer ZooKeeper)');
  }
  return [...reasons];
}

function explain(e: unknown, acl: readonly AclEntry[], path: string): unknown {
  if (!isZkError(e)) return e;
  const reasons = e.code === 'INVALID_REQUEST' ? serverDependent(acl) : [];
  if (reasons.length > 0) return new ZkError('INVALID_REQUEST', `ZooKeeper rejected the ACL: ${reasons.join('; ')}`, path);
  if (e.code === 'NO_AUTH') {
    return new ZkError('NO_AUTH', "This node's ACL does not give your identity the admin (a) permission needed to change its ACL; add credentials that have it", path);
  }
  return e;
}

const MAX_REPORTED_FAILURES = 20;

/**
 * Replaces the ACL of `path` if its ACL version is still `version`; with `recursive`, then sets
 * the same ACL on every descendant (those are not version-checked, like a recursive delete).
 * Nodes that refuse are reported together at the end; the others keep the new ACL.
 */
export async function changeAcl(
  context: ConnectionContext,
  path: string,
  acl: AclEntry[],
  version: number,
  opts: { recursive?: boolean; confirm?: string; onProgress?: (p: AclProgress) => void } = {},
): Promise<SavedAcl> {
  const { session } = context;
  const problems = checkAclForSession(acl, session.credentials.length > 0);
  if (problems.length > 0) throw new ZkError('INVALID_REQUEST', problems.join('; '), path);
  checkAclChange(context, path, acl, opts);
  const before = await getAcl(session, path).catch(() => null);
  // Listed before any change: the new ACL may stop us listing.
  const below = opts.recursive ? (await subtreeLevels(session, path)).flat() : [];
  const total = below.length + 1;
  const pending = beginAudit(actorOf(context), {
    operation: 'acl',
    path,
    versionBefore: version >= 0 ? version : null,
    before: before ? textValue(formatAcl(before.acl)) : null,
    after: textValue(formatAcl(acl)),
    detail: opts.recursive ? { recursive: true, nodes: total } : null,
  });
  const stat = await setAcl(session, path, acl, version).catch((e) => {
    const explained = explain(e, acl, path);
    pending.failed(explained, null);
    return Promise.reject(explained);
  });
  let applied = 1;
  opts.onProgress?.({ applied, total });
  const failed: Array<{ path: string; code: string; message: string }> = [];
  await mapLimit(below, 32, async (p) => {
    try {
      await setAcl(session, p, acl, -1);
    } catch (e) {
      // A node deleted meanwhile needs no ACL; anything else is reported.
      if (!(isZkError(e) && e.code === 'NO_NODE')) {
        const err = explain(e, acl, p);
        failed.push({ path: p, code: isZkError(err) ? err.code : 'INTERNAL', message: isZkError(err) ? err.message : 'Unexpected error' });
      }
    }
    applied++;
    if (applied % 50 === 0) opts.onProgress?.({ applied, total });
  });
  opts.onProgress?.({ applied: total, total });
  pending.done({
    versionBefore: stat.aversion - 1,
    versionAfter: stat.aversion,
    detail: opts.recursive ? { recursive: true, nodes: total, failed: failed.length } : null,
  });
  if (failed.length > 0) {
    const first = failed[0];
    throw new ZkError(
      first.code as ZkError['code'],
      `The ACL was applied to ${total - failed.length} of ${total} nodes; ${failed.length} refused (first: ${first.path}: ${first.message})`,
      path,
      { failed: failed.slice(0, MAX_REPORTED_FAILURES) },
    );
  }
  return { path, acl, stat };
}
