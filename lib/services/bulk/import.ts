/**
 * Import of an export file (ours or ZooNavigator's) below a target: the whole file is checked
 * first (a bad line refuses it before anything is written), then planned and written in as few
 * transactions as the server allows (docs/api.md, Bulk: Import).
 */
import 'server-only';
import { assertPath } from '@/lib/zk/assert-path';
import { missingParents } from '@/lib/zk/create-node';
import { ZkError } from '@/lib/zk/errors';
import { noteWrite } from '@/lib/zk/watch-hub';
import type { BulkResult, ExportedNode, ExportHeader, OnConflict } from '@/lib/shared/export-format';
import { parentPath } from '@/lib/shared/path';
import { actorOf, type ConnectionContext } from '../connections';
import { refuseSystemCreate } from '../protected-nodes';
import { applySteps, emptyResult, type BulkJob } from './apply';
import { auditedBulk } from './bulk-audit';
import { planSteps, type PlanOptions } from './plan';
import { readExportFile } from './read-export';
import { bulkError } from './reasons';
import { spool, type Upload } from './spool';

export interface ImportOptions {
  target: string;
  onConflict: OnConflict;
  dryRun: boolean;
  acl: 'file' | 'keep';
  ephemeral: 'skip' | 'persistent';
  /** At most this many ops per transaction (tests). */
  maxOps?: number;
}

async function* nodesOf(body: AsyncIterable<Uint8Array>): AsyncGenerator<ExportedNode> {
  for await (const record of readExportFile(body)) if (record.kind === 'node') yield record.node;
}

/** Reads the whole file once: its header and node count, or the INVALID_REQUEST of its first bad line. */
async function checkFile(body: AsyncIterable<Uint8Array>): Promise<{ header: ExportHeader; nodes: number }> {
  let header: ExportHeader | null = null;
  let nodes = 0;
  for await (const record of readExportFile(body)) {
    if (record.kind === 'header') header = record.header;
    else nodes++;
  }
  if (!header) throw new ZkError('INVALID_REQUEST', 'The file is empty. Nothing was written');
  return { header, nodes };
}

/** Conflicts under `onConflict=fail`: found before anything is written. */
async function conflicts(context: ConnectionContext, nodes: AsyncIterable<ExportedNode>, plan: PlanOptions): Promise<BulkResult | null> {
  const refused = emptyResult(false, []);
  for await (const step of planSteps(context.session, nodes, plan)) {
    if (step.code === 'NODE_EXISTS') {
      refused.failed++;
      refused.errors.push(bulkError(step.target, 'NODE_EXISTS', 'existsFail'));
    }
  }
  return refused.failed > 0 ? refused : null;
}

/**
 * Takes in and checks the whole file (a bad one is refused here, before anything is written),
 * answering the job that imports it; the spooled copy goes when the job has run.
 */
export async function prepareImport(context: ConnectionContext, body: Upload | null, o: ImportOptions, signal?: AbortSignal): Promise<BulkJob> {
  assertPath(o.target);
  if (!body) throw new ZkError('INVALID_REQUEST', 'The body must be an export file. Nothing was written');
  refuseSystemCreate(o.target);
  const file = await spool(body, signal);
  let checked: { header: ExportHeader; nodes: number };
  try {
    checked = await checkFile(file.open());
  } catch (e) {
    await file.dispose();
    throw e;
  }
  const { header, nodes: total } = checked;
  const run: BulkJob['run'] = async (onProgress, runSignal) => {
    try {
      // A ZooNavigator file's trees go below the target, which is then a parent like the others.
      const below = header.source === 'zoonavigator';
      const parents = await missingParents(context.session, below ? o.target : parentPath(o.target));
      const plan: PlanOptions = { target: o.target, onConflict: o.onConflict, acl: o.acl, ephemeral: o.ephemeral, parentCreated: parents.length > 0 };
      const apply = (dryRun: boolean) =>
        applySteps(context.session, planSteps(context.session, nodesOf(file.open()), plan), {
          connection: context.connection.id,
          dryRun,
          total,
          parents,
          signal: runSignal,
          onProgress,
          maxOps: o.maxOps,
        });
      if (o.dryRun) return await apply(true);
      if (o.onConflict === 'fail' && parents.length === 0) {
        const refused = await conflicts(context, nodesOf(file.open()), plan);
        if (refused) return refused;
      }
      noteWrite(context.session, [o.target, parentPath(o.target)], context.operator.name);
      const detail = { onConflict: o.onConflict, acl: o.acl, nodes: total, format: below ? 'zoonavigator' : 'zooscope', exportedFrom: header.connection, exportedRoot: header.root };
      return await auditedBulk(actorOf(context), 'import', o.target, detail, runSignal, () => apply(false));
    } finally {
      await file.dispose();
    }
  };
  return { total, run };
}
