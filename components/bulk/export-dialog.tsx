'use client';

import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { saveFile } from '@/lib/client/export-download';
import { useExport } from '@/lib/client/use-export';
import { subtreeCountQuery } from '@/lib/client/nodes';
import { formatBytes } from '@/lib/shared/units';
import { RunProgress } from './run-progress';

/** Export a subtree: streamed by the server, counted here against the subtree's size, Cancel stopping the walk. */
export function ExportDialog({ connection, path }: { connection: string; path: string }) {
  const [gzip, setGzip] = useState(true);
  const run = useExport(connection, path);
  const count = useQuery(subtreeCountQuery(connection, path)).data;
  const total = count?.count ?? 0;
  const { state } = run;
  return (
    <DialogContent title={`Export ${path}`} description="Every node of the subtree with its value, ACL and stat, as a Zooscope export file.">
      <div className="space-y-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={gzip} disabled={state.status === 'running'} onChange={(e) => setGzip(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Compress with gzip (.zkexport.gz)
        </label>
        <p className="text-xs text-muted">Nodes you may not read are listed in the file as unreadable, not left out. Ephemeral nodes are marked.</p>
        {state.status === 'running' && (
          <RunProgress
            label="Export progress"
            value={state.progress ?? 0}
            max={Math.max(total, state.progress ?? 0, 1)}
            status={`Exported ${(state.progress ?? 0).toLocaleString()}${total ? ` of ${count?.truncated ? 'more than ' : ''}${total.toLocaleString()}` : ''} nodes`}
            onCancel={run.cancel}
          />
        )}
        {state.status === 'cancelled' && <p role="status">Cancelled: the server stopped, and no file was saved.</p>}
        {state.status === 'failed' && <ErrorAlert error={state.error} />}
        {state.status === 'done' && (
          <p role="status">
            Exported {state.result.nodes.toLocaleString()} nodes to {state.result.filename} ({formatBytes(state.result.blob.size)}).{' '}
            <button type="button" className="text-accent underline" onClick={() => saveFile(state.result)}>
              Save it again
            </button>
          </p>
        )}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button>Close</Button>
          </DialogClose>
          <Button variant="primary" onClick={() => void run.start(gzip)} disabled={state.status === 'running'}>
            <Download aria-hidden />
            Export
          </Button>
        </div>
      </div>
    </DialogContent>
  );
}
