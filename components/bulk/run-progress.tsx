'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Progress } from '@/components/ui/progress';

/** A long run's bar, what it has done so far, and Cancel (which aborts the request: the server stops). */
export function RunProgress({ label, value, max, status, onCancel }: { label: string; value: number; max: number; status: string; onCancel(): void }) {
  const tc = useTranslations('common');
  return (
    <div className="space-y-1.5">
      <Progress label={label} value={value} max={max} />
      <div className="flex items-center justify-between gap-2">
        <p role="status" className="text-xs text-muted tabular-nums">
          {status}
        </p>
        <Button size="sm" onClick={onCancel}>
          {tc('cancel')}
        </Button>
      </div>
    </div>
  );
}
