'use client';

import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useExport } from '@/lib/client/use-export';

/** "Export first": a gzip'd export of what a big delete would take, saved before deciding. */
export function ExportFirst({ connection, path }: { connection: string; path: string }) {
  const run = useExport(connection, path);
  const { state } = run;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => void (state.status === 'running' ? run.cancel() : run.start(true))}>
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
