'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent } from '@/components/ui/dialog';
import { invalidateSubtree, runCopy } from '@/lib/client/bulk';
import { useLongRun } from '@/lib/client/long-run';
import { navigate } from '@/lib/client/navigate';
import { browseHref } from '@/lib/client/urls';
import type { BulkProgress, BulkResult, CopyRequest, OnConflict } from '@/lib/shared/export-format';
import { isWithin } from '@/lib/shared/path';
import { BulkRunStatus } from './bulk-run';
import { ConnectionField, PathField } from './fields';
import { ConflictChoices } from './import-dialog';

/** Copy a subtree (here or to another connection), or move/rename it (a move to a sibling renames). */
export function CopyDialog({ connection, path, move }: { connection: string; path: string; move: boolean }) {
  const t = useTranslations('bulk');
  const tc = useTranslations('common');
  const client = useQueryClient();
  const router = useRouter();
  const [to, setTo] = useState(move ? path : `${path}-copy`);
  const [targetConnection, setTargetConnection] = useState(connection);
  const [onConflict, setOnConflict] = useState<OnConflict>('fail');
  const run = useLongRun<BulkProgress, BulkResult>();
  const { state } = run;
  const kind = move ? 'move' : 'copy';
  const target = to.trim();
  const sameConnection = targetConnection === connection;
  const intoItself = sameConnection && isWithin(target, path);

  const start = () => {
    const request: CopyRequest = { from: path, to: target, move, onConflict, ...(sameConnection ? {} : { targetConnection }) };
    void run
      .start(async (signal, onProgress) => {
        try {
          return await runCopy(connection, request, signal, onProgress);
        } finally {
          invalidateSubtree(client, targetConnection, target);
          if (move) invalidateSubtree(client, connection, path);
        }
      })
      .then((result) => {
        // The node shown is gone: show where it went.
        if (move && result && result.failed === 0) navigate(router, browseHref(connection, target));
      });
  };

  const running = state.status === 'running';
  return (
    <DialogContent
      title={move ? t('copy.moveTitle', { path }) : t('copy.copyTitle', { path })}
      description={move ? t('copy.moveDescription') : t('copy.copyDescription')}
      width="w-[min(640px,96vw)]"
    >
      <div className="space-y-3">
        <div className={move ? '' : 'grid gap-3 sm:grid-cols-[2fr_1fr]'}>
          <PathField label={move ? t('copy.newPath') : t('copy.copyTo')} value={to} onChange={setTo} hint={move ? t('copy.newPathHint') : undefined} />
          {!move && <ConnectionField label={t('onConnection')} value={targetConnection} onChange={setTargetConnection} />}
        </div>
        <ConflictChoices name="copy-on-conflict" value={onConflict} onChange={setOnConflict} />
        {intoItself && <p className="text-xs text-danger">{move ? t('copy.moveIntoItself') : t('copy.copyIntoItself')}</p>}
        <BulkRunStatus state={state} kind={kind} onCancel={run.cancel} />
        <div className="flex justify-end gap-2 pt-1">
          <DialogClose asChild>
            <Button disabled={running}>{tc('close')}</Button>
          </DialogClose>
          <Button variant="primary" onClick={start} disabled={!target || intoItself || running || state.status === 'done'}>
            {t('kind', { kind })}
          </Button>
        </div>
      </div>
    </DialogContent>
  );
}
