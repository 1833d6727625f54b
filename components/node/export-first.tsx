'use client';

import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useFormat } from '@/lib/client/format';
import { useExport } from '@/lib/client/use-export';

/** "Export first": a gzip'd export of what a big delete would take, saved before deciding. */
export function ExportFirst({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('node.delete');
  const format = useFormat();
  const run = useExport(connection, path);
  const { state } = run;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void (state.status === 'running' ? run.cancel() : run.start(true))}>
        <Download aria-hidden />
        {state.status === 'running' ? t('exporting', { count: format.number(state.progress ?? 0) }) : t('exportFirst')}
      </Button>
      {state.status === 'done' && (
        <span role="status" className="text-xs text-muted">
          {t('exported', { filename: state.result.filename, count: format.number(state.result.nodes) })}
        </span>
      )}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
    </div>
  );
}
