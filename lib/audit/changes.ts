/**
 * Node changes that leave an audit entry: each wraps the operation from lib/zk/ops and records
 * who changed what, with the version and the (bounded) value before and after.
 */
import 'server-only';
import type { RequestContext } from '@/lib/api/context';
import { isZkError } from '@/lib/zk/errors';
import { createNode, type CreateInput } from '@/lib/zk/create-node';
import { deleteNode, setData, type DeleteProgress } from '@/lib/zk/nodes';
import { parentPath } from '@/lib/shared/path';
import type { ZkSession } from '@/lib/zk/session';
import { noteWrite } from '@/lib/zk/watch-hub';
import type { ZkStat } from '@/lib/shared/types';
import { recordAudit, type NewAuditEntry } from './store';
import { boundedValue } from './values';

type Actor = Pick<RequestContext, 'operator' | 'connection' | 'session'>;

/** Records an entry; a broken audit file is logged, and never undoes or fails what happened. */
export function recordSafely(entry: NewAuditEntry): void {
  try {
    recordAudit(entry);
  } catch (e) {
    console.error('[zooscope] could not write the audit log:', (e as Error).message);
  }
}

/** Records one change by the actor on its connection. */
export function audit(actor: Pick<Actor, 'operator' | 'connection'>, entry: Omit<NewAuditEntry, 'operator' | 'connection'>): void {
  recordSafely({ ...entry, operator: actor.operator.name, connection: actor.connection.id });
}

/** Tells the live event stream who is about to change these nodes (the "by" of their events). */
function attribute(actor: Actor, path: string): void {
  noteWrite(actor.session, [path, parentPath(path)], actor.operator.name);
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

export async function auditedCreate(actor: Actor, input: CreateInput): Promise<{ path: string; stat: ZkStat }> {
  attribute(actor, input.path);
  const created = await createNode(actor.session, input);
  audit(actor, {
    operation: 'create',
    path: created.path,
    versionAfter: created.stat.version,
    after: boundedValue(input.data),
    detail: { mode: input.mode, ...(input.ttlMs ? { ttlMs: input.ttlMs } : {}), ...(input.acl?.length ? { acl: input.acl } : {}) },
  });
  return created;
}

export async function auditedSetData(actor: Actor, path: string, data: Buffer, version: number): Promise<ZkStat> {
  const before = await peek(actor.session, path);
  attribute(actor, path);
  const stat = await setData(actor.session, path, data, version);
  // A set moves the version by one: the value read first is the one replaced if it had that version.
  const replaced = before?.stat.version === stat.version - 1 ? before : null;
  audit(actor, {
    operation: 'set',
    path,
    versionBefore: stat.version - 1,
    versionAfter: stat.version,
    before: replaced ? boundedValue(replaced.data) : null,
    after: boundedValue(data),
  });
  return stat;
}

export async function auditedDelete(
  actor: Actor,
  path: string,
  opts: { version: number; recursive?: boolean; onProgress?: (p: DeleteProgress) => void },
): Promise<void> {
  const before = await peek(actor.session, path);
  let nodes = 1;
  attribute(actor, path);
  await deleteNode(actor.session, path, {
    ...opts,
    onProgress: (p) => {
      nodes = p.total;
      opts.onProgress?.(p);
    },
  });
  const removed = before && (opts.version < 0 || before.stat.version === opts.version) ? before : null;
  audit(actor, {
    operation: 'delete',
    path,
    versionBefore: removed?.stat.version ?? (opts.version >= 0 ? opts.version : null),
    before: removed ? boundedValue(removed.data) : null,
    detail: opts.recursive ? { recursive: true, nodes } : null,
  });
}
