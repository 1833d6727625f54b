'use client';

import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { downloadExport, saveFile, type ExportedFile } from '@/lib/client/export-download';
import { useLongRun } from '@/lib/client/long-run';

/** "Export first": a gzip'd export of what a big delete would take, saved before deciding. */
export function ExportFirst({ connection, path }: { connection: string; path: string }) {
  const run = useLongRun<number, ExportedFile>();
  const { state } = run;
  const start = async () => {
    const file = await run.start((signal, onProgress) => downloadExport(connection, path, { gzip: true, signal, onNodes: onProgress }));
    if (file) saveFile(file);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void (state.status === 'running' ? run.cancel() : start())}>
        <Download aria-hidden />
        {state.status === 'running' ? `Exporting… ${(state.progress ?? 0).toLocaleString()} nodes (cancel)` : 'Export first'}
      </Button>
      {state.status === 'done' && (
        <span role="status" className="text-xs text-muted">
          Saved {state.result.filename} ({state.result.nodes.toLocaleString()} nodes)
        </span>
      )}
      {state.status === 'failed' && <ErrorAlert error={state.error} />}
    </div>
  );
}
