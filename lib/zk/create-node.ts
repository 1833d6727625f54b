import 'server-only';
import { OPEN_ACL, isOpenAcl, toNativeAcl } from './acl';
import { assertPath } from './assert-path';
import { invalidateChildren } from './children-cache';
import { CREATE_FLAGS } from './client';
import { assertDataSize } from './data';
import { ZkError, isZkError } from './errors';
import { ancestors, parentPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import { SEQUENTIAL_MODES, TTL_MODES, type AclEntry, type CreateMode, type ZkStat } from '@/lib/shared/types';

export interface CreateInput {
  path: string;
  data: Buffer;
  mode: CreateMode;
  ttlMs?: number;
  acl?: AclEntry[];
  parents?: boolean;
}

export async function createNode(session: ZkSession, input: CreateInput): Promise<{ path: string; stat: ZkStat }> {
  const sequential = SEQUENTIAL_MODES.has(input.mode);
  assertPath(input.path, sequential);
  if (input.path === '/') throw new ZkError('NODE_EXISTS', 'The root node always exists', '/');
  assertDataSize(input.data, input.path);
  const isTtl = TTL_MODES.has(input.mode);
  if (isTtl && !(Number.isInteger(input.ttlMs) && input.ttlMs! > 0)) {
    throw new ZkError('INVALID_REQUEST', 'A TTL node needs ttlMs, a positive whole number of milliseconds', input.path);
  }
  if (!isTtl && input.ttlMs !== undefined) {
    throw new ZkError('INVALID_REQUEST', `ttlMs applies only to ttl modes, not ${input.mode}`, input.path);
  }
  const acl = input.acl && input.acl.length > 0 ? input.acl : OPEN_ACL;
  const nativeAcl = toNativeAcl(acl);
  const flags = CREATE_FLAGS[input.mode];
  const parent = parentPath(sequential && input.path.endsWith('/') ? input.path.slice(0, -1) || '/' : input.path);
  if (input.parents) await ensureParents(session, parent);
  const created = await session.run(async (h) => {
    try {
      return await h.create(input.path, input.data, flags, isTtl ? input.ttlMs : undefined);
    } catch (e) {
      throw explainCreateError(e, isTtl, input.path, parent);
    }
  });
  // The binding's create has no ACL argument: it creates with the open ACL, then we narrow it.
  if (!isOpenAcl(acl)) await session.run((h) => h.setAcl(created, -1, nativeAcl));
  invalidateChildren(session, parent);
  const stat = await session.run((h) => h.exists(created));
  if (!stat) {
    // Possible for an ephemeral created by a session that just expired.
    throw new ZkError('NO_NODE', 'The node was created but no longer exists', created);
  }
  return { path: created, stat };
}

function explainCreateError(e: unknown, isTtl: boolean, path: string, parent: string): unknown {
  if (!isZkError(e)) return e;
  if (isTtl && (e.code === 'UNSUPPORTED' || e.code === 'INVALID_REQUEST' || e.code === 'INTERNAL')) {
    return new ZkError('UNSUPPORTED', 'TTL nodes are disabled on this server (start it with -Dzookeeper.extendedTypesEnabled=true)', path);
  }
  if (e.code === 'NO_NODE') return new ZkError('NO_NODE', `The parent node ${parent} does not exist (use "create parents")`, path);
  return e;
}

async function ensureParents(session: ZkSession, parent: string): Promise<void> {
  for (const p of ancestors(parent).slice(1)) {
    await session.run(async (h) => {
      try {
        await h.create(p, Buffer.alloc(0), CREATE_FLAGS.persistent);
        invalidateChildren(session, parentPath(p));
      } catch (e) {
        if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
      }
    });
  }
}
