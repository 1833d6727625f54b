'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { invalidateSubtree, runUndo } from '@/lib/client/bulk';
import { useLongRun } from '@/lib/client/long-run';
import type { BulkError, BulkProgress, BulkResult, PlanAction, UndoPlan, UndoResult } from '@/lib/shared/export-format';
import { RunProgress } from './run-progress';

/** Errors and plan entries listed before "and N more". */
const LISTED = 200;

const n = (x: number) => x.toLocaleString();

/** The final report of an import, copy or move: counts, errors, and the undo of what it created. */
export function BulkReport({ result, verb }: { result: BulkResult; verb: string }) {
  const counts = [
    ['Created', result.created],
    ['Updated', result.updated],
    ['Skipped', result.skipped],
    ['Failed', result.failed],
    ...(result.deleted !== undefined ? [['Deleted from the source', result.deleted] as const] : []),
  ] as const;
  return (
    <section aria-label={`${verb} report`} className="space-y-2 text-sm">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{label}</dt>
            <dd className="font-semibold tabular-nums">{n(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">
        {n(result.transactions)} {result.transactions === 1 ? 'transaction' : 'transactions'}
        {result.parentsCreated.length > 0 && ` · created the parents ${result.parentsCreated.join(', ')}`}
      </p>
      <ErrorList errors={result.errors} />
      {result.undo && <UndoAction undo={result.undo} />}
    </section>
  );
}

function ErrorList({ errors }: { errors: BulkError[] }) {
  if (errors.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-semibold text-danger">Errors</h3>
      <ul aria-label="Errors" className="max-h-40 overflow-auto rounded-md border border-border text-xs">
        {errors.slice(0, LISTED).map((e) => (
          <li key={`${e.path}\u0000${e.code}`} className="border-b border-border px-2 py-1 last:border-0">
            <span className="font-mono break-all">{e.path}</span> <span className="font-semibold">{e.code}</span> <span className="text-muted">{e.message}</span>
          </li>
        ))}
        {errors.length > LISTED && <li className="px-2 py-1 text-muted">and {n(errors.length - LISTED)} more</li>}
      </ul>
    </div>
  );
}

/** One action that removes what the run created (nodes changed since are kept, and listed). */
function UndoAction({ undo }: { undo: UndoPlan }) {
  const client = useQueryClient();
  const run = useLongRun<BulkProgress, UndoResult>();
  const { state } = run;
  const start = () =>
    void run.start(async (signal, onProgress) => {
      try {
        return await runUndo(undo.connection, undo.created, signal, onProgress);
      } finally {
        invalidateSubtree(client, undo.connection, undo.created[0]);
      }
    });
  if (state.status === 'running') {
    const p = state.progress;
    return <RunProgress label="Undo progress" value={p?.done ?? 0} max={p?.total ?? 1} status={p ? `Removed ${n(p.done)} of ${n(p.total)} nodes` : 'Undoing…'} onCancel={run.cancel} />;
  }
  if (state.status === 'done') {
    return (
      <div role="status" className="space-y-1">
        <p>
          Undone: removed {n(state.result.deleted)} {state.result.deleted === 1 ? 'node' : 'nodes'}
          {state.result.kept.length > 0 && `; kept ${n(state.result.kept.length)} that changed since`}.
        </p>
        <ErrorList errors={state.result.kept} />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={start}>
        Undo: remove the {n(undo.created.length)} created {undo.created.length === 1 ? 'node' : 'nodes'}
      </Button>
      {state.status === 'cancelled' && <span className="text-xs text-muted">Undo cancelled part way; run it again to finish.</span>}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
    </div>
  );
}

const ACTION_LABELS: Record<PlanAction, string> = { create: 'Create', update: 'Update', skip: 'Skip', refuse: 'Refuse' };

/** A dry run's plan: what each node of the file would get, with counts. */
export function PlanView({ result }: { result: BulkResult }) {
  const plan = result.plan ?? [];
  const counts = new Map<PlanAction, number>();
  for (const e of plan) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  return (
    <section aria-label="Dry run plan" className="space-y-2 text-sm">
      <p role="status">
        <strong>Dry run, nothing written:</strong>{' '}
        {(['create', 'update', 'skip', 'refuse'] as const)
          .filter((a) => counts.get(a))
          .map((a) => `${ACTION_LABELS[a].toLowerCase()} ${n(counts.get(a)!)}`)
          .join(' · ') || 'nothing to do'}
      </p>
      <table aria-label="Planned changes" className="block max-h-56 w-full overflow-auto rounded-md border border-border text-xs">
        <thead className="sticky top-0 bg-panel">
          <tr className="text-left text-muted">
            <th className="px-2 py-1 font-medium">Action</th>
            <th className="w-full px-2 py-1 font-medium">Path</th>
            <th className="px-2 py-1 font-medium">Why</th>
          </tr>
        </thead>
        <tbody>
          {plan.slice(0, LISTED).map((e) => (
            <tr key={e.path} className="border-t border-border">
              <td className="px-2 py-0.5 font-semibold">{ACTION_LABELS[e.action]}</td>
              <td className="px-2 py-0.5 font-mono break-all">{e.path}</td>
              <td className="px-2 py-0.5 text-muted">{e.reason ?? ''}</td>
            </tr>
          ))}
          {plan.length > LISTED && (
            <tr>
              <td colSpan={3} className="px-2 py-1 text-muted">
                and {n(plan.length - LISTED)} more
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ErrorList errors={result.errors} />
    </section>
  );
}
