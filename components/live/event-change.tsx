'use client';

import { GitCompare } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { lazy, useLazyOpen } from '@/lib/client/lazy';
import type { LogEntry } from '@/lib/client/live-frames';

const dialog = lazy(() => import('./event-change-dialog').then((m) => m.EventChangeDialog));

/** A change's before → after, when the event carried the new value and the tab knew the old one. */
export function EventChange({ entry, connection }: { entry: LogEntry; connection: string }) {
  const t = useTranslations('live.change');
  const { loaded: Dialog, open, setOpen, show } = useLazyOpen(dialog);
  const e = entry.event;
  if (e.type !== 'changed' || !e.data || !entry.before) return null;
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={t('diffOf', { path: e.path, version: e.stat.version })} onClick={show}>
        <GitCompare aria-hidden />
        {t('diff')}
      </Button>
      {Dialog && <Dialog connection={connection} event={{ ...e, data: e.data }} before={entry.before} open={open} onOpenChange={setOpen} />}
    </>
  );
}
