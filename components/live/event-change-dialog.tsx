'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ValueChange } from '@/components/audit/value-change';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { browseHref } from '@/lib/client/urls';
import type { AuditValue } from '@/lib/shared/audit';
import type { ChangedEvent } from '@/lib/shared/events';
import type { NodeValue } from '@/lib/shared/types';

const asValue = (data: NodeValue): AuditValue => ({ text: data.text, base64: data.base64, size: data.size, truncated: false });

export interface EventChangeDialogProps {
  connection: string;
  event: ChangedEvent & { data: NodeValue };
  before: { version: number; data: NodeValue };
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** The before → after dialog of one change (its own chunk: the dialog and the diff load when first opened). */
export function EventChangeDialog({ connection, event: e, before, open, onOpenChange }: EventChangeDialogProps) {
  const t = useTranslations('live.change');
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t('title', { path: e.path })} description={t('versions', { before: before.version, after: e.stat.version })} width="w-[min(900px,94vw)]">
        <ValueChange before={asValue(before.data)} after={asValue(e.data)} />
        <div className="mt-3 flex justify-end">
          <Link href={browseHref(connection, e.path)} className="text-sm text-accent hover:underline">
            {t('open')}
          </Link>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
