/**
 * Undo of an import or copy: removes the nodes a run created (its result's `undo.created`), the
 * deepest first, each only while it is as the run left it (version 0, no children added since).
 * A node changed meanwhile is kept, reported, and the undo stops there: nothing is lost.
 */
import 'server-only';
import { assertPath } from '@/lib/zk/assert-path';
import { mapLimit } from '@/lib/zk/map-limit';
import { TransactionWriter } from '@/lib/zk/transaction-writer';
import { noteWrite } from '@/lib/zk/watch-hub';
import type { BulkProgress, UndoResult } from '@/lib/shared/export-format';
import { parentPath } from '@/lib/shared/path';
import { actorOf, type ConnectionContext } from '../connections';
import { errorOf } from './apply';
import { auditedBulk } from './bulk-audit';

export async function undoCreated(context: ConnectionContext, created: string[], onProgress?: (p: BulkProgress) => Promise<void> | void): Promise<UndoResult> {
  for (const p of created) assertPath(p);
  noteWrite(context.session, created.slice(0, 1).flatMap((p) => [p, parentPath(p)]), context.operator.name);
  const result: UndoResult = { deleted: 0, kept: [] };
  const total = created.length;
  await auditedBulk(actorOf(context), 'undo', created[0], { nodes: total }, undefined, async () => {
    const writer = new TransactionWriter(context.session, {
      onCommit: async (ops) => {
        result.deleted += ops.length;
        await onProgress?.({ done: result.deleted, total });
      },
    });
    const counts = { created: 0, updated: 0, skipped: 0, failed: 0, errors: [], dryRun: false, parentsCreated: [] };
    try {
      const deepestFirst = [...created].reverse();
      const present = await mapLimit(deepestFirst, 64, (p) => context.session.run((h) => h.exists(p)));
      // Gone already (deleted by someone else): nothing to undo there.
      for (const [i, path] of deepestFirst.entries()) if (present[i]) await writer.add({ op: 'delete', path, version: 0 });
      await writer.flush();
    } catch (e) {
      result.kept.push(errorOf(writer.failedOp(e)?.path ?? '', e));
      return { ...counts, transactions: writer.transactions, deleted: result.deleted, stopped: { error: e } };
    }
    return { ...counts, transactions: writer.transactions, deleted: result.deleted };
  });
  return result;
}
