import 'server-only';
import { assertPath } from './assert-path';
import { invalidateChildren } from './children-cache';
import { assertDataSize, encodeData } from './data';
import { ZkError, isZkError } from './errors';
import { mapLimit } from './map-limit';
import { multi } from './multi';
import { subtreeLevels } from './subtree';
import { parentPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import type { NodeValue, ZkStat } from '@/lib/shared/types';

export interface NodeResult {
  path: string;
  stat: ZkStat;
  data: NodeValue;
}

export async function getNode(session: ZkSession, path: string): Promise<NodeResult> {
  assertPath(path);
  const { stat, data } = await session.run((h) => h.get(path));
  return { path, stat, data: encodeData(data) };
}

export async function statNode(session: ZkSession, path: string): Promise<ZkStat | null> {
  assertPath(path);
  return session.run((h) => h.exists(path));
}

/** Sets data only if the node is still at `version`; on a conflict the error carries the current value. */
export async function setData(session: ZkSession, path: string, data: Buffer, version: number): Promise<ZkStat> {
  assertPath(path);
  assertDataSize(data, path);
  try {
    return await session.run((h) => h.set(path, data, version));
  } catch (e) {
    if (isZkError(e) && e.code === 'BAD_VERSION') {
      const current = await getNode(session, path).catch(() => null);
      e.message = `The node was changed by someone else: you edited version ${version}, it is now at version ${current?.stat.version ?? 'unknown'}`;
      e.details = { current: current ? { stat: current.stat, data: current.data } : null };
    }
    throw e;
  }
}

export interface DeleteProgress {
  deleted: number;
  total: number;
}

/** Subtrees up to this many nodes are deleted in one transaction: all or nothing. */
const ATOMIC_DELETE_MAX_NODES = 1000;

/**
 * Deletes a node. Every delete is version-checked. A recursive delete checks the top node's
 * version before deleting anything; a subtree of up to ATOMIC_DELETE_MAX_NODES nodes is then one
 * transaction. A larger one goes children first, deepest level first, and the top node last at
 * its version, so a change to it meanwhile still stops the final step (what was deleted by then
 * is in the progress reported).
 */
export async function deleteNode(
  session: ZkSession,
  path: string,
  opts: { version: number; recursive?: boolean; onProgress?: (p: DeleteProgress) => void },
): Promise<void> {
  assertPath(path);
  if (path === '/') throw new ZkError('INVALID_REQUEST', 'The root node cannot be deleted', '/');
  if (path === '/zookeeper' || path.startsWith('/zookeeper/')) {
    throw new ZkError('INVALID_REQUEST', 'The /zookeeper subtree is managed by ZooKeeper itself', path);
  }
  if (opts.recursive) {
    await assertVersion(session, path, opts.version);
    const levels = await subtreeLevels(session, path);
    const total = levels.reduce((n, l) => n + l.length, 0) + 1;
    opts.onProgress?.({ deleted: 0, total });
    if (total <= ATOMIC_DELETE_MAX_NODES) {
      const below = levels.reverse().flat();
      await multi(session, [...below.map((p) => ({ op: 'delete' as const, path: p, version: -1 })), { op: 'delete', path, version: opts.version }]);
    } else {
      const done = { deleted: 0 };
      try {
        await deleteLevels(session, levels.reverse(), total, done, opts.onProgress);
        await session.run((h) => h.delete(path, opts.version));
      } catch (e) {
        // Stopped part way: say how much of the subtree is gone.
        if (isZkError(e)) e.details = { ...e.details, deleted: done.deleted, total };
        throw e;
      }
    }
    opts.onProgress?.({ deleted: total, total });
  } else {
    await session.run((h) => h.delete(path, opts.version));
  }
  invalidateChildren(session, parentPath(path));
}

/** Refuses, before anything is deleted, a node that is not (or no longer) at `version`. */
async function assertVersion(session: ZkSession, path: string, version: number): Promise<void> {
  const stat = await session.run((h) => h.exists(path));
  if (!stat) throw new ZkError('NO_NODE', 'The node does not exist', path);
  if (version >= 0 && stat.version !== version) {
    throw new ZkError('BAD_VERSION', `The node was changed by someone else: you saw version ${version}, it is now at version ${stat.version}. Nothing was deleted`, path, {
      current: { stat },
    });
  }
}

async function deleteLevels(
  session: ZkSession,
  levels: string[][],
  total: number,
  done: { deleted: number },
  onProgress?: (p: DeleteProgress) => void,
): Promise<void> {
  for (const level of levels) {
    // A failure stops after the level's deletes in flight have settled, so that the count is exact.
    let failure: unknown = null;
    await mapLimit(level, 128, async (p) => {
      if (failure) return;
      try {
        await session.run((h) => h.delete(p, -1));
      } catch (e) {
        // Someone else removed it first: the outcome is the same.
        if (!(isZkError(e) && e.code === 'NO_NODE')) failure ??= e;
        if (failure) return;
      }
      done.deleted++;
      if (done.deleted % 50 === 0) onProgress?.({ deleted: done.deleted, total });
    });
    if (failure) throw failure;
  }
  for (const p of new Set(levels.flat().map(parentPath))) invalidateChildren(session, p);
}

export async function syncPath(session: ZkSession, path: string): Promise<void> {
  assertPath(path);
  await session.run((h) => h.sync(path));
}
