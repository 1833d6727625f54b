'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { invalidateSubtree, runUndo } from '@/lib/client/bulk';
import { useBulkMessages } from '@/lib/client/bulk-messages';
import { useFormat } from '@/lib/client/format';
import { useLongRun } from '@/lib/client/long-run';
import type { BulkError, BulkProgress, BulkResult, PlanAction, UndoPlan, UndoResult } from '@/lib/shared/export-format';
import type { BulkKind } from './bulk-run';
import { RunProgress } from './run-progress';

/** Errors and plan entries listed before "and N more". */
const LISTED = 200;

const PLAN_ACTIONS = ['create', 'update', 'skip', 'refuse'] as const satisfies readonly PlanAction[];

/** The final report of an import, copy or move: counts, errors, and the undo of what it created. */
export function BulkReport({ result, kind }: { result: BulkResult; kind: BulkKind }) {
  const t = useTranslations('bulk.report');
  const format = useFormat();
  const counts = [
    ['created', result.created],
    ['updated', result.updated],
    ['skipped', result.skipped],
    ['failed', result.failed],
    ...(result.deleted !== undefined ? [['deleted', result.deleted] as const] : []),
  ] as const;
  const count = result.transactions;
  return (
    <section aria-label={t('label', { kind })} className="space-y-2 text-sm">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted">{t(label)}</dt>
            <dd className="font-semibold tabular-nums">{format.number(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-muted">
        {result.parentsCreated.length > 0 ? t('transactionsAndParents', { count, parents: result.parentsCreated.join(', ') }) : t('transactions', { count })}
      </p>
      <ErrorList errors={result.errors} />
      {result.undo && <UndoAction undo={result.undo} />}
    </section>
  );
}

function ErrorList({ errors }: { errors: BulkError[] }) {
  const t = useTranslations('bulk.report');
  const messages = useBulkMessages();
  if (errors.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-semibold text-danger">{t('errors')}</h3>
      <ul aria-label={t('errors')} className="max-h-40 overflow-auto rounded-md border border-border text-xs">
        {errors.slice(0, LISTED).map((e) => {
          // The server's message for each node in the dashboard's language, beside its stable code.
          const { text, detail } = messages.error(e);
          return (
            <li key={`${e.path}\u0000${e.code}`} className="border-b border-border px-2 py-1 last:border-0">
              <span className="font-mono break-all">{e.path}</span> <span className="font-semibold">{e.code}</span>{' '}
              <span className="text-muted" title={detail}>
                {text}
              </span>
            </li>
          );
        })}
        {errors.length > LISTED && <li className="px-2 py-1 text-muted">{t('andMore', { count: errors.length - LISTED })}</li>}
      </ul>
    </div>
  );
}

/** One action that removes what the run created (nodes changed since are kept, and listed). */
function UndoAction({ undo }: { undo: UndoPlan }) {
  const t = useTranslations('bulk.undo');
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
    return <RunProgress label={t('progress')} value={p?.done ?? 0} max={p?.total ?? 1} status={p ? t('status', { done: p.done, total: p.total }) : t('starting')} onCancel={run.cancel} />;
  }
  if (state.status === 'done') {
    const { deleted, kept } = state.result;
    return (
      <div role="status" className="space-y-1">
        <p>{kept.length > 0 ? t('doneKept', { deleted, kept: kept.length }) : t('done', { deleted })}</p>
        <ErrorList errors={kept} />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={start}>
        {t('button', { count: undo.created.length })}
      </Button>
      {state.status === 'cancelled' && <span className="text-xs text-muted">{t('cancelled')}</span>}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
    </div>
  );
}

/** A dry run's plan: what each node of the file would get, with counts. */
export function PlanView({ result }: { result: BulkResult }) {
  const t = useTranslations('bulk.plan');
  const tr = useTranslations('bulk.report');
  const messages = useBulkMessages();
  const plan = result.plan ?? [];
  const counts = new Map<PlanAction, number>();
  for (const e of plan) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
  return (
    <section aria-label={t('label')} className="space-y-2 text-sm">
      <p role="status">
        <strong>{t('dryRun')}</strong>{' '}
        {PLAN_ACTIONS.filter((a) => counts.get(a))
          .map((a) => t(`count.${a}`, { count: counts.get(a)! }))
          .join(' · ') || t('nothing')}
      </p>
      <table aria-label={t('table')} className="block max-h-56 w-full overflow-auto rounded-md border border-border text-xs">
        <thead className="sticky top-0 bg-panel">
          <tr className="text-left text-muted">
            <th className="px-2 py-1 font-medium whitespace-nowrap">{t('columns.action')}</th>
            <th className="w-full px-2 py-1 font-medium">{t('columns.path')}</th>
            <th className="px-2 py-1 font-medium whitespace-nowrap">{t('columns.why')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.slice(0, LISTED).map((e) => (
            <tr key={e.path} className="border-t border-border">
              <td className="px-2 py-0.5 font-semibold whitespace-nowrap">{t(`action.${e.action}`)}</td>
              <td className="px-2 py-0.5 font-mono break-all">{e.path}</td>
              <td className="px-2 py-0.5 text-muted">{messages.reason(e)}</td>
            </tr>
          ))}
          {plan.length > LISTED && (
            <tr>
              <td colSpan={3} className="px-2 py-1 text-muted">
                {tr('andMore', { count: plan.length - LISTED })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <ErrorList errors={result.errors} />
    </section>
  );
}
