'use client';

import { useTranslations } from 'next-intl';
import { ErrorAlert } from '@/components/ui/error-alert';
import type { LongRunState } from '@/lib/client/long-run';
import type { BulkProgress, BulkResult } from '@/lib/shared/export-format';
import { BulkReport, PlanView } from './bulk-report';
import { RunProgress } from './run-progress';

/** Which run a status or report is of: the catalog's selects name it. */
export type BulkKind = 'import' | 'copy' | 'move';

/** What an import, copy or move is doing or did: progress with Cancel, the plan of a dry run, the report. */
export function BulkRunStatus({ state, kind, onCancel }: { state: LongRunState<BulkProgress, BulkResult>; kind: BulkKind; onCancel(): void }) {
  const t = useTranslations('bulk.run');
  switch (state.status) {
    case 'running': {
      const p = state.progress;
      const status = p ? t('status', { kind, done: p.done, total: p.total }) : t('reading', { kind });
      return <RunProgress label={t('label', { kind })} value={p?.done ?? 0} max={p?.total ?? 1} status={status} onCancel={onCancel} />;
    }
    case 'cancelled':
      return (
        <p role="status" className="text-sm">
          {t('cancelled')}
        </p>
      );
    case 'failed':
      return <ErrorAlert error={state.error} />;
    case 'done':
      return state.result.dryRun ? <PlanView result={state.result} /> : <BulkReport result={state.result} kind={kind} />;
    default:
      return null;
  }
}
