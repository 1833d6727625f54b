import 'server-only';
import { fromNativeAcl } from './acl';
import { assertPath } from './assert-path';
import { ZkError, isZkError } from './errors';
import { compareNames } from '@/lib/shared/names';
import { joinPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import type { AclEntry, ZkStat } from '@/lib/shared/types';

/**
 * Streams a subtree depth-first in pre-order (a node, then its children in name order, each with
 * its own subtree), reading ahead: the next `window` nodes to come are fetched while earlier ones
 * are handed on, so requests stay pipelined while the output keeps its order and nothing but the
 * paths still to visit is held. Each node is read with its ACL; its children are listed only when
 * its stat counts some. Unreadable nodes (NO_AUTH) are handed on with `error`; nodes deleted
 * meanwhile are left out. The walk stops when `signal` aborts.
 */

export type WalkedNode =
  | { path: string; data: Buffer; stat: ZkStat; acl: AclEntry[]; error?: undefined }
  | { path: string; error: 'NO_AUTH'; acl: AclEntry[] | null };

export interface PreOrderOptions {
  /** How many nodes are fetched ahead (each one up to three requests). */
  window?: number;
  /** Read each node's ACL (default true). */
  acl?: boolean;
  signal?: AbortSignal;
}

interface Fetched {
  node: WalkedNode;
  children: string[];
}

type Settled = { ok: Fetched | null } | { error: unknown };

const gone = (e: unknown) => isZkError(e) && e.code === 'NO_NODE';
const denied = (e: unknown) => isZkError(e) && e.code === 'NO_AUTH';

async function fetchNode(session: ZkSession, path: string, withAcl: boolean): Promise<Fetched | null> {
  const aclOf = async () => (withAcl ? fromNativeAcl((await session.run((h) => h.getAcl(path))).acl) : []);
  const [read, acl] = await Promise.allSettled([session.run((h) => h.get(path)), aclOf()]);
  if (read.status === 'rejected') {
    if (gone(read.reason)) return null;
    if (!denied(read.reason)) throw read.reason;
    return { node: { path, error: 'NO_AUTH', acl: acl.status === 'fulfilled' ? acl.value : null }, children: [] };
  }
  if (acl.status === 'rejected') {
    if (gone(acl.reason)) return null;
    throw acl.reason;
  }
  const { data, stat } = read.value;
  let children: string[] = [];
  if (stat.numChildren > 0) {
    try {
      children = (await session.run((h) => h.children(path))).children.sort(compareNames);
    } catch (e) {
      if (!gone(e) && !denied(e)) throw e;
    }
  }
  return { node: { path, data, stat, acl: acl.value }, children };
}

export async function* walkPreOrder(session: ZkSession, root: string, options: PreOrderOptions = {}): AsyncGenerator<WalkedNode> {
  assertPath(root);
  const window = options.window ?? 64;
  const withAcl = options.acl ?? true;
  // The paths still to visit, the next one last; `fetch` is set once its read has started.
  const stack: Array<{ path: string; fetch?: Promise<Settled> }> = [{ path: root }];
  let ahead = 0;
  while (stack.length > 0 && !options.signal?.aborted) {
    for (let i = stack.length - 1; i >= 0 && ahead < window; i--) {
      const entry = stack[i];
      if (entry.fetch) continue;
      entry.fetch = fetchNode(session, entry.path, withAcl).then(
        (ok) => ({ ok }),
        (error) => ({ error }),
      );
      ahead++;
    }
    const next = stack.pop()!;
    const settled = await next.fetch!;
    ahead--;
    if ('error' in settled) throw settled.error;
    if (!settled.ok) {
      if (next.path === root) throw new ZkError('NO_NODE', 'The node does not exist', root);
      continue;
    }
    if (options.signal?.aborted) return;
    yield settled.ok.node;
    const { children } = settled.ok;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ path: joinPath(next.path, children[i]) });
  }
}
