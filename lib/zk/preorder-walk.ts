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

/** One level of the walk: a node's sorted child names, and the next one to hand on. */
interface Frame {
  parent: string | null;
  names: string[];
  next: number;
  /** Reads have been started for the names before this index. */
  started: number;
}

const pathIn = (f: Frame, k: number) => (f.parent === null ? f.names[k] : joinPath(f.parent, f.names[k]));

export async function* walkPreOrder(session: ZkSession, root: string, options: PreOrderOptions = {}): AsyncGenerator<WalkedNode> {
  assertPath(root);
  const window = options.window ?? 64;
  const withAcl = options.acl ?? true;
  // The levels still to visit, the deepest last: only child-name lists are held, never one entry per node.
  const frames: Frame[] = [{ parent: null, names: [root], next: 0, started: 0 }];
  const ahead = new Map<string, Promise<Settled>>();
  // Reads started and not handed on yet: the next `window` nodes in pre-order, and a few for later.
  const start = (path: string) => ahead.set(path, fetchNode(session, path, withAcl).then((ok) => ({ ok }), (error) => ({ error })));
  const fill = () => {
    // The next nodes in pre-order are the rest of the deepest level, then of the one above, and so
    // on. Reads started for a level above stay (they are needed later), so the window may run over.
    let wanted = window;
    for (let f = frames.length - 1; f >= 0 && wanted > 0; f--) {
      const frame = frames[f];
      const to = Math.min(frame.names.length, frame.next + wanted);
      for (let k = Math.max(frame.next, frame.started); k < to; k++) start(pathIn(frame, k));
      frame.started = Math.max(frame.started, to);
      wanted -= to - frame.next;
    }
  };
  while (frames.length > 0 && !options.signal?.aborted) {
    const frame = frames[frames.length - 1];
    if (frame.next >= frame.names.length) {
      frames.pop();
      continue;
    }
    fill();
    const path = pathIn(frame, frame.next++);
    const settled = await ahead.get(path)!;
    ahead.delete(path);
    if ('error' in settled) throw settled.error;
    if (!settled.ok) {
      if (path === root) throw new ZkError('NO_NODE', 'The node does not exist', root);
      continue;
    }
    if (options.signal?.aborted) return;
    yield settled.ok.node;
    if (settled.ok.children.length > 0) frames.push({ parent: path, names: settled.ok.children, next: 0, started: 0 });
  }
}
