/**
 * Carries out a plan (plan.ts): creates and conditional overwrites gathered into transactions as
 * large as the server takes (lib/zk/transaction-writer.ts), a progress report after each. A
 * refused transaction stops the run; the result then says exactly what the earlier ones wrote,
 * with the undo of what this run created. A dry run writes nothing and lists every step.
 */
import 'server-only';
import { toNativeAcl } from '@/lib/zk/acl';
import { isZkError } from '@/lib/zk/errors';
import type { MultiOp, MultiResult } from '@/lib/zk/multi';
import type { ZkSession } from '@/lib/zk/session';
import { TransactionWriter } from '@/lib/zk/transaction-writer';
import type { BulkError, BulkProgress, BulkResult, PlanEntry } from '@/lib/shared/export-format';
import type { Step } from './plan';
import { bulkError, reasonOf } from './reasons';

export interface ApplyOptions {
  connection: string;
  dryRun: boolean;
  total: number;
  signal?: AbortSignal;
  onProgress?: (p: BulkProgress) => Promise<void> | void;
  /** At most this many ops per transaction (tests). */
  maxOps?: number;
  /** Missing ancestors of the target to create first (top down). */
  parents: string[];
  /** Ops to add after the plan's, in the same transactions where they fit (a move's deletes). */
  after?: () => AsyncIterable<MultiOp>;
}

/** A checked import, copy or move, ready to run: `run` reports progress and answers the result. */
export interface BulkJob {
  total: number;
  run(onProgress?: (p: BulkProgress) => Promise<void> | void, signal?: AbortSignal): Promise<BulkResult>;
}

/** Why the run stopped before its end. */
export interface Stopped {
  error: unknown;
}

export function emptyResult(dryRun: boolean, parents: string[]): BulkResult {
  return { created: 0, updated: 0, skipped: 0, failed: 0, errors: [], dryRun, transactions: 0, parentsCreated: dryRun ? [] : parents, ...(dryRun ? { plan: [] } : {}) };
}

export function errorOf(path: string, e: unknown): BulkError {
  return { path, code: isZkError(e) ? e.code : 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}

function noteStep(result: BulkResult, step: Step): void {
  if (step.action === 'skip') result.skipped++;
  if (step.action === 'refuse') {
    result.failed++;
    result.errors.push(bulkError(step.target, step.code ?? 'INVALID_REQUEST', step.reasonCode ?? 'refused', step.params));
  }
}

export async function applySteps(session: ZkSession, steps: AsyncIterable<Step>, o: ApplyOptions): Promise<BulkResult & { stopped?: Stopped }> {
  const result: BulkResult & { stopped?: Stopped } = emptyResult(o.dryRun, o.parents);
  let done = 0;
  if (o.dryRun) {
    const plan = result.plan as PlanEntry[];
    for (const p of o.parents) plan.push({ path: p, action: 'create', ...reasonOf('parentOfTarget') });
    for await (const step of steps) {
      if (o.signal?.aborted) break;
      const { reason, reasonCode, params } = step;
      plan.push({ path: step.target, action: step.action, ...(reason ? { reason } : {}), ...(reasonCode ? { reasonCode } : {}), ...(params ? { params } : {}) });
      if (step.action === 'create') result.created++;
      else if (step.action === 'update') result.updated++;
      noteStep(result, step);
    }
    return result;
  }
  const created: string[] = [];
  const acls = new Map<string, Step>();
  const onCommit = async (ops: readonly MultiOp[], results: readonly MultiResult[]) => {
    results.forEach((r, i) => {
      if (r.op === 'create') created.push(r.path);
      if (ops[i].op === 'create' && !o.parents.includes(r.path)) result.created++;
      if (r.op === 'set') result.updated++;
      if (r.op === 'delete') result.deleted = (result.deleted ?? 0) + 1;
    });
    // ACLs are not transaction ops: each is set right after its node's data, at the ACL version read.
    for (const op of ops) {
      const step = op.op === 'set' ? acls.get(op.path) : undefined;
      if (!step?.newAcl) continue;
      acls.delete(op.path);
      await session.run((h) => h.setAcl(op.path, step.aversion!, toNativeAcl(step.newAcl!))).catch((e) => {
        result.errors.push(errorOf(op.path, e));
      });
    }
    done += ops.filter((op) => op.op !== 'delete' && !o.parents.includes(op.path)).length;
    result.transactions++;
    await o.onProgress?.({ done: Math.min(done + result.skipped + result.failed, o.total), total: o.total });
  };
  // The first report comes once the first transaction is planned, just before it is sent.
  const beforeSend = () => (result.transactions === 0 ? o.onProgress?.({ done: result.skipped + result.failed, total: o.total }) : undefined);
  const writer = new TransactionWriter(session, { maxOps: o.maxOps, onCommit, beforeSend });
  try {
    for (const path of o.parents) await writer.add({ op: 'create', path, mode: 'persistent' });
    for await (const step of steps) {
      if (o.signal?.aborted) break;
      if (step.action === 'create') {
        const { data, acl } = step.node;
        await writer.add({ op: 'create', path: step.target, data, mode: 'persistent', ...(acl.length > 0 ? { acl } : {}) });
      } else if (step.action === 'update') {
        if (step.newAcl) acls.set(step.target, step);
        await writer.add({ op: 'set', path: step.target, data: step.node.data, version: step.version! });
      } else noteStep(result, step);
    }
    if (o.after && !o.signal?.aborted) for await (const op of o.after()) await writer.add(op);
    if (!o.signal?.aborted) await writer.flush();
    // Nothing to write (all skipped): the one report is the last.
    if (result.transactions === 0 && !o.signal?.aborted) await o.onProgress?.({ done: o.total, total: o.total });
  } catch (e) {
    result.failed++;
    result.errors.push(errorOf(writer.failedOp(e)?.path ?? (isZkError(e) ? (e.path ?? '') : ''), e));
    result.stopped = { error: e };
  }
  if (created.length > 0) result.undo = { connection: o.connection, created };
  return result;
}
