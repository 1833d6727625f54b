/**
 * Reading and changing nodes. Each change tells the watch hub who is making it (the "by" of the
 * live events it causes), runs the operation from lib/zk, and leaves an audit entry with the
 * version and the (bounded) value before and after.
 */
import 'server-only';
import { recordAs } from '@/lib/audit/recorder';
import { boundedValue } from '@/lib/audit/values';
import { decodeDataInput, type DataInput } from '@/lib/zk/data';
import { isZkError } from '@/lib/zk/errors';
import { createNode as create } from '@/lib/zk/create-node';
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

export function readNode(session: ZkSession, path: string): Promise<NodeResponse> {
  return getNode(session, path);
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
  const created = await create(context.session, { ...input, data });
  recordAs(actorOf(context), {
    operation: 'create',
    path: created.path,
    versionAfter: created.stat.version,
    after: boundedValue(data),
    detail: { mode: input.mode, ...(input.ttlMs ? { ttlMs: input.ttlMs } : {}), ...(input.acl?.length ? { acl: input.acl } : {}) },
  });
  return created;
}

export async function saveNode(context: ConnectionContext, input: SaveRequest): Promise<WriteResult> {
  refuseSystemData(input.path);
  const data = decodeDataInput(input.data, input.path);
  const { path } = input;
  const before = await peek(context.session, path);
  attribute(context, path);
  const stat = await setData(context.session, path, data, input.version);
  // A set moves the version by one: the value read first is the one replaced if it had that version.
  const replaced = before?.stat.version === stat.version - 1 ? before : null;
  recordAs(actorOf(context), {
    operation: 'set',
    path,
    versionBefore: stat.version - 1,
    versionAfter: stat.version,
    before: replaced ? boundedValue(replaced.data) : null,
    after: boundedValue(data),
  });
  return { path, stat };
}

export async function deleteNode(context: ConnectionContext, { path, version, recursive, onProgress }: DeleteRequest): Promise<void> {
  const before = await peek(context.session, path);
  let nodes = 1;
  attribute(context, path);
  await remove(context.session, path, {
    version,
    recursive,
    onProgress: (p) => {
      nodes = p.total;
      onProgress?.(p);
    },
  });
  const removed = before && (version < 0 || before.stat.version === version) ? before : null;
  recordAs(actorOf(context), {
    operation: 'delete',
    path,
    versionBefore: removed?.stat.version ?? (version >= 0 ? version : null),
    before: removed ? boundedValue(removed.data) : null,
    detail: recursive ? { recursive: true, nodes } : null,
  });
}
