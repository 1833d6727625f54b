'use client';

import { Download, Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from './button';
import { cn } from './cn';

interface ConflictActionsProps<T> {
  /** The value now on the server; without it only reloading is offered. */
  current: T | null | undefined;
  busy: boolean;
  reloadLabel: string;
  onReload: () => void;
  onOverwrite: (current: T) => void;
  className?: string;
}

/** The two ways out of a version conflict: take theirs, or deliberately overwrite it with mine. */
export function ConflictActions<T>({ current, busy, reloadLabel, onReload, onOverwrite, className }: ConflictActionsProps<T>) {
  const t = useTranslations('common');
  return (
    <div className={cn('flex gap-2', className)}>
      <Button size="sm" onClick={onReload} disabled={busy}>
        <Download aria-hidden />
        {reloadLabel}
      </Button>
      {current && (
        <Button size="sm" variant="danger" onClick={() => onOverwrite(current)} disabled={busy}>
          <Upload aria-hidden />
          {t('overwriteWithMine')}
        </Button>
      )}
    </div>
  );
}
