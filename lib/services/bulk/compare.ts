/**
 * Compare two subtrees (GET compare): the same or another connection, read with the operator's
 * own credentials on each. The paths are checked before anything streams; the run sends the
 * differences, then the summary, and is audited with its counts (a read, recorded like a change
 * so that "who compared production with what" can be answered).
 */
import 'server-only';
import { recordAs } from '@/lib/audit/recorder';
import { assertPath } from '@/lib/zk/assert-path';
import { ZkError } from '@/lib/zk/errors';
import type { ZkSession } from '@/lib/zk/session';
import type { CompareLine, CompareSummary } from '@/lib/shared/compare';
import { actorOf, openConnection, type ConnectionContext } from '../connections';
import { heavyRead } from '../heavy-reads';
import { CompareReport } from './compare-report';
import { walkSides, type WalkItem } from './compare-walk';

export type CompareRun = (send: (line: CompareLine) => void, signal: AbortSignal) => Promise<void>;

export interface CompareQuery {
  path: string;
  with: string;
  withConnection?: string;
}

export async function assertExists(session: ZkSession, path: string): Promise<void> {
  assertPath(path);
  if (!(await session.run((h) => h.exists(path)))) throw new ZkError('NO_NODE', `${path} does not exist`, path);
}

/**
 * Runs a comparison as one heavy read of the operator's, ending with the summary line (none when
 * the client went away) and an audit entry either way.
 */
export function compareRun(
  context: ConnectionContext,
  detail: Record<string, unknown>,
  walk: (report: CompareReport, signal: AbortSignal) => Promise<void>,
): CompareRun {
  return (send, signal) =>
    heavyRead(context.operator, 'comparisons', async () => {
      const report = new CompareReport(send);
      let summary: CompareSummary | null = null;
      report.startProgress();
      try {
        await walk(report, signal);
        summary = report.summary();
      } finally {
        report.stopProgress();
        const counts = summary ?? report.summary();
        recordAs(actorOf(context), { operation: 'compare', path: detail.path as string, detail: { ...detail, ...counts, outcome: summary && !signal.aborted ? 'done' : 'stopped' } });
      }
      if (!signal.aborted) send({ summary });
    });
}

/** Checks both paths (INVALID_REQUEST, NO_NODE, the other connection's access) and returns the comparison, ready to stream. */
export async function prepareCompare(context: ConnectionContext, query: CompareQuery): Promise<CompareRun> {
  const other = query.withConnection && query.withConnection !== context.connection.id ? openConnection(context.operator, query.withConnection, 'read') : context;
  await Promise.all([assertExists(context.session, query.path), assertExists(other.session, query.with)]);
  const sides = { left: { session: context.session, root: query.path }, right: { session: other.session, root: query.with } };
  const start: WalkItem[] = [{ path: '', on: 'both' }];
  const detail = { path: query.path, with: query.with, withConnection: other.connection.id };
  return compareRun(context, detail, (report, signal) => walkSides(sides, start, report, signal));
}
