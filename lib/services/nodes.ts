/**
 * Reading and changing nodes. Each change tells the watch hub who is making it (the "by" of the
 * live events it causes), records its audit entry first (no audit log, no change), runs the
 * operation from lib/zk, and finishes the entry with the version and the (bounded) value before
 * and after, or with what a failed multi-step change did.
 */
import 'server-only';
import { audited } from '@/lib/audit/recorder';
import { boundedValue } from '@/lib/audit/values';
import { decodeDataInput, type DataInput } from '@/lib/zk/data';
import { isZkError } from '@/lib/zk/errors';
import { createNode as create } from '@/lib/zk/create-node';
import { getAcl } from '@/lib/zk/node-acl';
import { deleteNode as remove, getNode, setData, type DeleteProgress } from '@/lib/zk/nodes';
import type { ZkSession } from '@/lib/zk/session';
import { noteWrite } from '@/lib/zk/watch-hub';
import { parentPath } from '@/lib/shared/path';
import type { AclEntry, CreateMode, ZkStat } from '@/lib/shared/types';
import type { NodeResponse, WriteResult } from '@/lib/shared/wire';
import { actorOf, type ConnectionContext } from './connections';
import { refuseSystemCreate, refuseSystemData } from './protected-nodes';

export interface CreateRequest {
  path: string;
  data?: DataInput;
  mode: CreateMode;
  ttlMs?: number;
  acl?: AclEntry[];
  parents?: boolean;
}

export interface SaveRequest {
  path: string;
  data: DataInput;
  /** The version that was read: a save over a newer one fails with BAD_VERSION. */
  version: number;
}

export interface DeleteRequest {
  path: string;
  version: number;
  recursive: boolean;
  onProgress?: (p: DeleteProgress) => void;
}

/** The closest ancestor of `path` that exists (`/` at worst), for "Node not found" to offer. */
async function nearestAncestor(session: ZkSession, path: string): Promise<string> {
  for (let p = parentPath(path); p !== '/'; p = parentPath(p)) {
    if (await session.run((h) => h.exists(p)).catch(() => null)) return p;
  }
  return '/';
}

/**
 * What can still be learned about a node the ACL does not let us read: its stat (`exists` needs
 * no permission) and, when READ or ADMIN is granted, its ACL (digest passwords hashed away).
 */
async function unreadableNode(session: ZkSession, path: string): Promise<{ stat: ZkStat | null; acl: AclEntry[] | null }> {
  const [stat, acl] = await Promise.all([
    session.run((h) => h.exists(path)).catch(() => null),
    getAcl(session, path).then((r) => r.acl, () => null),
  ]);
  return { stat, acl };
}

/**
 * The node. A missing one's error names its nearest existing ancestor (`nearestAncestor`); an
 * unreadable one's carries its stat and, where visible, its ACL (`stat`, `acl`).
 */
export async function readNode(session: ZkSession, path: string): Promise<NodeResponse> {
  try {
    return await getNode(session, path);
  } catch (e) {
    if (isZkError(e) && e.code === 'NO_NODE' && path !== '/') e.details = { ...e.details, nearestAncestor: await nearestAncestor(session, path) };
    if (isZkError(e) && e.code === 'NO_AUTH') e.details = { ...e.details, ...(await unreadableNode(session, path)) };
    throw e;
  }
}

/** Tells the live event stream who is about to change these nodes. */
function attribute(context: ConnectionContext, path: string): void {
  noteWrite(context.session, [path, parentPath(path)], context.operator.name);
}

/** The node as it is now, or null when it cannot be read (gone, or the ACL denies reading). */
async function peek(session: ZkSession, path: string): Promise<{ stat: ZkStat; data: Buffer } | null> {
  try {
    return await session.run((h) => h.get(path));
  } catch (e) {
    if (isZkError(e) && (e.code === 'NO_NODE' || e.code === 'NO_AUTH' || e.code === 'INVALID_PATH')) return null;
    throw e;
  }
}

export async function createNode(context: ConnectionContext, input: CreateRequest): Promise<WriteResult> {
  refuseSystemCreate(input.path);
  const data = decodeDataInput(input.data, input.path);
  attribute(context, input.path);
  const detail = { mode: input.mode, ...(input.ttlMs ? { ttlMs: input.ttlMs } : {}), ...(input.acl?.length ? { acl: input.acl } : {}) };
  const created = await audited(
    actorOf(context),
    { operation: 'create', path: input.path, after: boundedValue(data), detail },
    () => create(context.session, { ...input, data }),
    (c) => ({ path: c.path, versionAfter: c.stat.version, detail: { ...detail, ...(c.parents.length > 0 ? { parents: c.parents } : {}) } }),
    // Only a TTL node's parents can outlive a failed create (their own transaction).
    (e) => (isZkError(e) && e.details?.createdParents ? { parents: e.details.createdParents } : null),
  );
  return { path: created.path, stat: created.stat };
}

export async function saveNode(context: ConnectionContext, input: SaveRequest): Promise<WriteResult> {
  refuseSystemData(input.path);
  const data = decodeDataInput(input.data, input.path);
  const { path } = input;
  const before = await peek(context.session, path);
  attribute(context, path);
  const stat = await audited(
    actorOf(context),
    { operation: 'set', path, versionBefore: input.version >= 0 ? input.version : null, after: boundedValue(data) },
    () => setData(context.session, path, data, input.version),
    (s) => {
      // A set moves the version by one: the value read first is the one replaced if it had that version.
      const replaced = before?.stat.version === s.version - 1 ? before : null;
      return { versionBefore: s.version - 1, versionAfter: s.version, before: replaced ? boundedValue(replaced.data) : null };
    },
  );
  return { path, stat };
}

export async function deleteNode(context: ConnectionContext, { path, version, recursive, onProgress }: DeleteRequest): Promise<void> {
  const before = await peek(context.session, path);
  let nodes = 1;
  attribute(context, path);
  const removed = before && (version < 0 || before.stat.version === version) ? before : null;
  await audited(
    actorOf(context),
    {
      operation: 'delete',
      path,
      versionBefore: removed?.stat.version ?? (version >= 0 ? version : null),
      before: removed ? boundedValue(removed.data) : null,
      detail: recursive ? { recursive: true } : null,
    },
    () =>
      remove(context.session, path, {
        version,
        recursive,
        onProgress: (p) => {
          nodes = p.total;
          onProgress?.(p);
        },
      }),
    () => ({ detail: recursive ? { recursive: true, nodes } : null }),
    // A large recursive delete that stopped part way reports how many nodes it deleted.
    (e) => (isZkError(e) && typeof e.details?.deleted === 'number' && e.details.deleted > 0 ? { recursive: true, nodes, deleted: e.details.deleted } : null),
  );
}
