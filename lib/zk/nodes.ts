import 'server-only';
import { assertPath } from './assert-path';
import { invalidateChildren } from './children-cache';
import { assertDataSize, encodeData } from './data';
import { ZkError, isZkError } from './errors';
import { mapLimit } from './map-limit';
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

/**
 * Deletes a node. Non-recursive deletes are version-checked; a recursive delete checks the
 * version of the top node last (children first, deepest level first), so a concurrent change
 * to it still stops the final step.
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
    const levels = await subtreeLevels(session, path);
    const total = levels.reduce((n, l) => n + l.length, 0) + 1;
    let deleted = 0;
    opts.onProgress?.({ deleted, total });
    for (const level of levels.reverse()) {
      await mapLimit(level, 128, async (p) => {
        await session.run((h) => h.delete(p, -1)).catch((e) => {
          // Someone else removed it first: the outcome is the same.
          if (!(isZkError(e) && e.code === 'NO_NODE')) throw e;
        });
        deleted++;
        if (deleted % 50 === 0) opts.onProgress?.({ deleted, total });
      });
    }
    for (const p of new Set(levels.flat().map(parentPath))) invalidateChildren(session, p);
    await session.run((h) => h.delete(path, opts.version));
    opts.onProgress?.({ deleted: total, total });
  } else {
    await session.run((h) => h.delete(path, opts.version));
  }
  invalidateChildren(session, parentPath(path));
}

export async function syncPath(session: ZkSession, path: string): Promise<void> {
  assertPath(path);
  await session.run((h) => h.sync(path));
}
