'use client';

import { ErrorAlert } from '@/components/ui/error-alert';
import type { LongRunState } from '@/lib/client/long-run';
import type { BulkProgress, BulkResult } from '@/lib/shared/export-format';
import { BulkReport, PlanView } from './bulk-report';
import { RunProgress } from './run-progress';

/** What an import, copy or move is doing or did: progress with Cancel, the plan of a dry run, the report. */
export function BulkRunStatus({ state, verb, onCancel }: { state: LongRunState<BulkProgress, BulkResult>; verb: string; onCancel(): void }) {
  switch (state.status) {
    case 'running': {
      const p = state.progress;
      const status = p ? `${verb}: ${p.done.toLocaleString()} of ${p.total.toLocaleString()} nodes` : `${verb}: reading…`;
      return <RunProgress label={`${verb} progress`} value={p?.done ?? 0} max={p?.total ?? 1} status={status} onCancel={onCancel} />;
    }
    case 'cancelled':
      return (
        <p role="status" className="text-sm">
          Cancelled. What was written before it stopped is in the audit log, with the one action to undo it.
        </p>
      );
    case 'failed':
      return <ErrorAlert error={state.error} />;
    case 'done':
      return state.result.dryRun ? <PlanView result={state.result} /> : <BulkReport result={state.result} verb={verb} />;
    default:
      return null;
  }
}
