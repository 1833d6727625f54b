import 'server-only';
import { fromNativeAcl, toNativeAcl } from './acl';
import { assertPath } from './assert-path';
import { isZkError, ZkError } from './errors';
import type { ZkSession } from './session';
import type { AclEntry, ZkStat } from '@/lib/shared/types';

export async function getAcl(session: ZkSession, path: string): Promise<{ acl: AclEntry[]; stat: ZkStat }> {
  assertPath(path);
  const { acl, stat } = await session.run((h) => h.getAcl(path));
  return { acl: fromNativeAcl(acl), stat };
}

export async function setAcl(session: ZkSession, path: string, acl: AclEntry[], version: number): Promise<ZkStat> {
  assertPath(path);
  if (acl.length === 0) throw new ZkError('INVALID_REQUEST', 'An ACL needs at least one entry', path);
  const native = toNativeAcl(acl);
  try {
    await session.run((h) => h.setAcl(path, version, native));
  } catch (e) {
    if (isZkError(e) && e.code === 'BAD_VERSION') {
      const current = await getAcl(session, path).catch(() => null);
      e.message = `The ACL was changed by someone else: you edited ACL version ${version}, it is now at ${current?.stat.aversion ?? 'unknown'}`;
      e.details = { current };
    }
    throw e;
  }
  const stat = await session.run((h) => h.exists(path));
  if (!stat) throw new ZkError('NO_NODE', 'The node does not exist', path);
  return stat;
}
