'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { invalidateSubtree, runImport, type ImportInput } from '@/lib/client/bulk';
import { useLongRun } from '@/lib/client/long-run';
import type { BulkProgress, BulkResult, OnConflict } from '@/lib/shared/export-format';
import { BulkRunStatus } from './bulk-run';
import { Choices, FileField, PathField } from './fields';

const CONFLICT_CHOICES = ['fail', 'skip', 'overwrite'] as const satisfies readonly OnConflict[];

/** What an import or copy does with a node that exists, as a fieldset of choices. */
export function ConflictChoices({ name, value, onChange }: { name: string; value: OnConflict; onChange(value: OnConflict): void }) {
  const t = useTranslations('bulk.conflict');
  const options = CONFLICT_CHOICES.map((c) => ({ value: c, label: t(c), hint: t(`${c}Hint`) }));
  return <Choices<OnConflict> legend={t('legend')} name={name} value={value} options={options} onChange={onChange} />;
}

/** Import an export file below a node: a dry run first, whose plan is shown, then the import. */
export function ImportDialog({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('bulk');
  const tc = useTranslations('common');
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
    <DialogContent title={t('import.title', { path })} description={t('import.description')} width="w-[min(720px,96vw)]">
      <div className="space-y-3">
        <FileField label={t('exportFile')} onChange={setFile} />
        <PathField label={t('import.below')} value={target} onChange={setTarget} hint={t('import.belowHint')} />
        <ConflictChoices name="on-conflict" value={onConflict} onChange={setOnConflict} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={keepAcl} onChange={(e) => setKeepAcl(e.target.checked)} className="size-4 accent-[var(--accent)]" />
          {t('import.keepAcl')}
        </label>
        <BulkRunStatus state={state} kind="import" onCancel={run.cancel} />
        <div className="flex justify-end gap-2 pt-1">
          <DialogClose asChild>
            <Button disabled={running}>{tc('close')}</Button>
          </DialogClose>
          <Button onClick={() => start(true)} disabled={!file || !target.trim() || running}>
            {t('import.dryRun')}
          </Button>
          <Button variant="primary" onClick={() => start(false)} disabled={!planShown || running} title={planShown ? undefined : t('import.dryRunFirst')}>
            {t('import.button')}
          </Button>
        </div>
      </div>
    </DialogContent>
  );
}
