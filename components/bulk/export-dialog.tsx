'use client';

import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { saveFile } from '@/lib/client/export-download';
import { useFormat } from '@/lib/client/format';
import { useExport } from '@/lib/client/use-export';
import { subtreeCountQuery } from '@/lib/client/nodes';
import { RunProgress } from './run-progress';

/** Export a subtree: streamed by the server, counted here against the subtree's size, Cancel stopping the walk. */
export function ExportDialog({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('bulk.export');
  const tc = useTranslations('common');
  const format = useFormat();
  const [gzip, setGzip] = useState(true);
  const run = useExport(connection, path);
  const count = useQuery(subtreeCountQuery(connection, path)).data;
  const total = count?.count ?? 0;
  const { state } = run;
  return (
    <DialogContent title={t('title', { path })} description={t('description')}>
      <div className="space-y-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={gzip} disabled={state.status === 'running'} onChange={(e) => setGzip(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          {t('gzip')}
        </label>
        <p className="text-xs text-muted">{t('note')}</p>
        {state.status === 'running' && (
          <RunProgress
            label={t('progress')}
            value={state.progress ?? 0}
            max={Math.max(total, state.progress ?? 0, 1)}
            status={total ? t(count?.truncated ? 'statusOfMore' : 'statusOf', { done: state.progress ?? 0, total }) : t('status', { done: state.progress ?? 0 })}
            onCancel={run.cancel}
          />
        )}
        {state.status === 'cancelled' && <p role="status">{t('cancelled')}</p>}
        {state.status === 'failed' && <ErrorAlert error={state.error} />}
        {state.status === 'done' && (
          <p role="status">
            {t('done', { nodes: state.result.nodes, filename: state.result.filename, size: format.bytes(state.result.blob.size) })}{' '}
            <button type="button" className="text-accent underline" onClick={() => saveFile(state.result)}>
              {t('saveAgain')}
            </button>
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>{tc('close')}</Button>
          </DialogClose>
          <Button variant="primary" onClick={() => void run.start(gzip)} disabled={state.status === 'running'}>
            <Download aria-hidden />
            {t('button')}
          </Button>
        </div>
      </div>
    </DialogContent>
  );
}
