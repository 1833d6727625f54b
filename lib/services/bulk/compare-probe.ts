/** One node of one side of a comparison, read the way the comparison needs it. */
import 'server-only';
import { fromNativeAcl, permsFromString, permsToString } from '@/lib/zk/acl';
import { isZkError } from '@/lib/zk/errors';
import type { ZkSession } from '@/lib/zk/session';
import type { AclEntry } from '@/lib/shared/types';

export type Probe =
  | { state: 'missing' }
  | { state: 'noAuth' }
  /** `acl` in canonical form (aclKey); `children` sorted, [] for a leaf. */
  | { state: 'node'; data: Buffer; acl: string; children: string[] };

/** An ACL as a string that is equal for equal ACLs, whatever the order of entries or of permission letters. */
export function aclKey(acl: readonly AclEntry[]): string {
  return acl
    .map((e) => `${e.scheme}:${e.id}:${permsToString(permsFromString(e.perms) ?? 0) || e.perms}`)
    .sort()
    .join('\n');
}

const outcome = (e: unknown): Probe => {
  if (isZkError(e) && e.code === 'NO_NODE') return { state: 'missing' };
  if (isZkError(e) && e.code === 'NO_AUTH') return { state: 'noAuth' };
  throw e;
};

/** Value and ACL together; children only when the stat counts some (a leaf costs two requests). */
export async function probeNode(session: ZkSession, path: string): Promise<Probe> {
  try {
    const [read, acl] = await Promise.all([session.run((h) => h.get(path)), session.run((h) => h.getAcl(path))]);
    const children = read.stat.numChildren > 0 ? (await session.run((h) => h.children(path))).children.sort() : [];
    return { state: 'node', data: read.data, acl: aclKey(fromNativeAcl(acl.acl)), children };
  } catch (e) {
    return outcome(e);
  }
}

/** The sorted child names of a node seen on one side only. */
export async function listNames(session: ZkSession, path: string): Promise<Exclude<Probe, { state: 'node' }> | { state: 'listed'; children: string[] }> {
  try {
    return { state: 'listed', children: (await session.run((h) => h.children(path))).children.sort() };
  } catch (e) {
    return outcome(e) as Exclude<Probe, { state: 'node' }>;
  }
}
