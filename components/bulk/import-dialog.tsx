'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { invalidateSubtree, runImport, type ImportInput } from '@/lib/client/bulk';
import { useLongRun } from '@/lib/client/long-run';
import type { BulkProgress, BulkResult, OnConflict } from '@/lib/shared/export-format';
import { BulkRunStatus } from './bulk-run';
import { Choices, FileField, PathField } from './fields';

export const CONFLICT_CHOICES: ReadonlyArray<{ value: OnConflict; label: string; hint: string }> = [
  { value: 'fail', label: 'Stop', hint: 'An existing node stops the run' },
  { value: 'skip', label: 'Skip', hint: 'Existing nodes are left as they are' },
  { value: 'overwrite', label: 'Overwrite', hint: 'At the version read just before' },
];

/** Import an export file below a node: a dry run first, whose plan is shown, then the import. */
export function ImportDialog({ connection, path }: { connection: string; path: string }) {
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState(path);
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const [keepAcl, setKeepAcl] = useState(false);
  const run = useLongRun<BulkProgress, BulkResult>();
  const { state } = run;
  // The plan is for exactly these choices: changing one asks for a new dry run.
  const [planned, setPlanned] = useState<string | null>(null);
  const choices = file ? JSON.stringify([file.name, file.size, file.lastModified, target, onConflict, keepAcl]) : null;

  const start = (dryRun: boolean) => {
    const input: ImportInput = { target: target.trim(), file: file!, onConflict, dryRun, keepAcl };
    void run
      .start(async (signal, onProgress) => {
        try {
          return await runImport(connection, input, signal, onProgress);
        } finally {
          if (!dryRun) invalidateSubtree(client, connection, input.target);
        }
      })
      .then((result) => result?.dryRun && setPlanned(choices));
  };

  const running = state.status === 'running';
  const planShown = planned !== null && planned === choices && state.status === 'done' && state.result.dryRun;
  return (
    <DialogContent title={`Import into ${path}`} description="A Zooscope export (gzip or not) or a ZooNavigator export. A dry run shows what would change before anything is written." width="w-[min(720px,96vw)]">
      <div className="space-y-3">
        <FileField label="Export file" onChange={setFile} />
        <PathField label="Import below" value={target} onChange={setTarget} hint="The file's root node becomes this node; missing parents are created." />
        <Choices<OnConflict> legend="When a node exists" name="on-conflict" value={onConflict} options={CONFLICT_CHOICES} onChange={setOnConflict} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={keepAcl} onChange={(e) => setKeepAcl(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          Keep the ACLs of existing nodes (do not apply the file&apos;s)
        </label>
        <BulkRunStatus state={state} verb="Import" onCancel={run.cancel} />
        <div className="flex justify-end gap-2 pt-1">
          <DialogClose asChild>
            <Button disabled={running}>Close</Button>
          </DialogClose>
          <Button onClick={() => start(true)} disabled={!file || !target.trim() || running}>
            Dry run
          </Button>
          <Button variant="primary" onClick={() => start(false)} disabled={!planShown || running} title={planShown ? undefined : 'Run a dry run of these choices first'}>
            Import
          </Button>
        </div>
      </div>
    </DialogContent>
  );
}
