'use client';

import { GitCompare } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ValueChange } from '@/components/audit/value-change';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { browseHref } from '@/lib/client/urls';
import type { LogEntry } from '@/lib/client/live-frames';
import type { AuditValue } from '@/lib/shared/audit';
import type { NodeValue } from '@/lib/shared/types';

const asValue = (data: NodeValue): AuditValue => ({ text: data.text, base64: data.base64, size: data.size, truncated: false });

/** A change's before → after, when the event carried the new value and the tab knew the old one. */
export function EventChange({ entry, connection }: { entry: LogEntry; connection: string }) {
  const t = useTranslations('live.change');
  const [open, setOpen] = useState(false);
  const e = entry.event;
  if (e.type !== 'changed' || !e.data || !entry.before) return null;
  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <Button size="sm" variant="ghost" aria-label={t('diffOf', { path: e.path, version: e.stat.version })} onClick={() => setOpen(true)}>
        <GitCompare aria-hidden />
        {t('diff')}
      </Button>
      <DialogContent title={t('title', { path: e.path })} description={t('versions', { before: entry.before.version, after: e.stat.version })} width="w-[min(900px,94vw)]">
        <ValueChange before={asValue(entry.before.data)} after={asValue(e.data)} />
        <div className="mt-3 flex justify-end">
          <Link href={browseHref(connection, e.path)} className="text-sm text-accent hover:underline">
            {t('open')}
          </Link>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
