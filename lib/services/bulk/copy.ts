/**
 * Copy and move of a subtree, within a connection or to another one (docs/api.md, Bulk: Copy).
 * The source is walked in pre-order and written like an import. A move then deletes each source
 * node at the version that was copied, deepest first; on one connection, when everything fits,
 * the creates and the deletes are one transaction. A node changed meanwhile stops the move (it
 * is reported; the copy stays, so nothing is lost).
 */
import 'server-only';
import { assertPath } from '@/lib/zk/assert-path';
import { missingParents } from '@/lib/zk/create-node';
import { ZkError } from '@/lib/zk/errors';
import type { MultiOp } from '@/lib/zk/multi';
import { walkPreOrder } from '@/lib/zk/preorder-walk';
import { countSubtree } from '@/lib/zk/subtree';
import { TransactionWriter } from '@/lib/zk/transaction-writer';
import { noteWrite } from '@/lib/zk/watch-hub';
import type { BulkProgress, BulkResult, ExportedNode, OnConflict } from '@/lib/shared/export-format';
import { isWithin, parentPath } from '@/lib/shared/path';
import { actorOf, type ConnectionContext } from '../connections';
import { applySteps, errorOf, type BulkJob, type Stopped } from './apply';
import { auditedBulk } from './bulk-audit';
import { relativePath } from './export';
import { planSteps } from './plan';
import { bulkError } from './reasons';

export interface CopyOptions {
  from: string;
  to: string;
  move: boolean;
  onConflict: OnConflict;
  dryRun: boolean;
  maxOps?: number;
}

const SYSTEM = '/zookeeper';

function refuse(source: ConnectionContext, target: ConnectionContext, o: CopyOptions): void {
  assertPath(o.from);
  assertPath(o.to);
  const what = o.move ? 'moved' : 'copied';
  for (const p of [o.from, o.to]) if (isWithin(p, SYSTEM)) throw new ZkError('FORBIDDEN', `Nothing under ${SYSTEM} can be ${what}: ZooKeeper keeps its own state there`, p);
  if (o.to === '/') throw new ZkError('FORBIDDEN', `The root cannot be replaced: ${what} to a node below it`, o.to);
  if (o.move && o.from === '/') throw new ZkError('FORBIDDEN', 'The root cannot be moved', o.from);
  if (source.connection.id === target.connection.id && isWithin(o.to, o.from)) {
    throw new ZkError('INVALID_REQUEST', `${o.from} cannot be ${what} into its own subtree (${o.to})`, o.to);
  }
}

/** The source in pre-order, as file nodes; `copied` keeps each node's path and version for a move. */
async function* sourceNodes(source: ConnectionContext, from: string, copied: Array<[string, number]>, signal?: AbortSignal): AsyncGenerator<ExportedNode> {
  for await (const n of walkPreOrder(source.session, from, { signal })) {
    const path = relativePath(n.path, from);
    if (n.error) {
      yield { path, data: Buffer.alloc(0), acl: n.acl ?? [], error: n.error, line: 0 };
      continue;
    }
    copied.push([n.path, n.stat.version]);
    yield { path, data: n.data, acl: n.acl, stat: n.stat, ...(n.stat.ephemeralOwner !== '0' ? { ephemeral: true } : {}), line: 0 };
  }
}

/** A move's deletes: every copied source node at its copied version, deepest first (reverse pre-order). */
async function* deletesOf(copied: Array<[string, number]>): AsyncGenerator<MultiOp> {
  for (let i = copied.length - 1; i >= 0; i--) yield { op: 'delete', path: copied[i][0], version: copied[i][1] };
}

/** Checks a copy or move and counts the source, answering the job that carries it out. */
export async function prepareCopy(source: ConnectionContext, target: ConnectionContext, o: CopyOptions): Promise<BulkJob> {
  refuse(source, target, o);
  const { count: total } = await countSubtree(source.session, o.from, 1_000_000);
  return { total, run: (onProgress, signal) => copySubtree(source, target, o, total, onProgress, signal) };
}

async function copySubtree(
  source: ConnectionContext,
  target: ConnectionContext,
  o: CopyOptions,
  total: number,
  onProgress?: (p: BulkProgress) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<BulkResult> {
  const sameConnection = source.connection.id === target.connection.id;
  const parents = await missingParents(target.session, parentPath(o.to));
  if (o.onConflict === 'fail' && !o.dryRun && parents.length === 0 && (await target.session.run((h) => h.exists(o.to)))) {
    return { created: 0, updated: 0, skipped: 0, failed: 1, errors: [bulkError(o.to, 'NODE_EXISTS', 'existsFail')], dryRun: false, transactions: 0, parentsCreated: [] };
  }
  const copied: Array<[string, number]> = [];
  let incomplete = false;
  const steps = (async function* () {
    for await (const step of planSteps(target.session, sourceNodes(source, o.from, copied, signal), {
      target: o.to,
      onConflict: o.onConflict,
      acl: 'file',
      ephemeral: 'skip',
      parentCreated: parents.length > 0,
    })) {
      if (step.action === 'skip' || step.action === 'refuse') incomplete = true;
      yield step;
    }
  })();
  const applyOptions = { connection: target.connection.id, dryRun: o.dryRun, total, parents, signal, onProgress, maxOps: o.maxOps };
  const run = async (): Promise<BulkResult & { stopped?: Stopped }> => {
    // On one connection the deletes join the creates' transactions (all in one where they fit).
    const after = o.move && sameConnection ? () => (incomplete ? deletesOf([]) : deletesOf(copied)) : undefined;
    const result = await applySteps(target.session, steps, { ...applyOptions, after });
    if (o.move && !result.stopped && incomplete) {
      result.errors.push(bulkError(o.from, 'NOT_EMPTY', 'sourceKept'));
    } else if (o.move && !sameConnection && !result.stopped && !signal?.aborted) {
      await deleteSource(source, copied, result, o.maxOps);
    }
    return result;
  };
  if (o.dryRun) return applySteps(target.session, steps, applyOptions);
  noteWrite(target.session, [o.to, parentPath(o.to)], target.operator.name);
  if (o.move) noteWrite(source.session, [o.from, parentPath(o.from)], source.operator.name);
  const detail = { from: o.from, to: o.to, fromConnection: source.connection.id, toConnection: target.connection.id, onConflict: o.onConflict, nodes: total };
  return auditedBulk(actorOf(target), o.move ? 'move' : 'copy', o.to, detail, signal, run);
}

/** A move to another connection: after the copy, the source's deletes, in transactions of their own. */
async function deleteSource(source: ConnectionContext, copied: Array<[string, number]>, result: BulkResult & { stopped?: Stopped }, maxOps?: number): Promise<void> {
  const writer = new TransactionWriter(source.session, {
    maxOps,
    onCommit: (ops) => {
      result.deleted = (result.deleted ?? 0) + ops.length;
    },
  });
  try {
    for await (const op of deletesOf(copied)) await writer.add(op);
    await writer.flush();
  } catch (e) {
    result.errors.push(errorOf(writer.failedOp(e)?.path ?? '', e));
    result.failed++;
    result.stopped = { error: e };
  }
}

