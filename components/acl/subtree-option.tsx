'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Progress } from '@/components/ui/progress';
import { useFormat } from '@/lib/client/format';
import { subtreeCountQuery } from '@/lib/client/nodes';

/** "Apply to subtree": how many nodes it will touch before saving, then the progress. */
export function SubtreeOption({ connection, path, checked, onChange, progress }: { connection: string; path: string; checked: boolean; onChange(on: boolean): void; progress: { applied: number; total: number } | null }) {
  const t = useTranslations('acl.subtree');
  const format = useFormat();
  const count = useQuery({ ...subtreeCountQuery(connection, path), enabled: checked });
  const n = count.data?.count;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {t('apply')}
      </label>
      {checked && (
        <p className="text-xs text-muted" aria-live="polite">
          {count.isPending && t('counting')}
          {n === 1 && t('leaf')}
          {n !== undefined && n > 1 && t(count.data!.truncated ? 'setsAtLeast' : 'sets', { count: n })}
        </p>
      )}
      {checked && count.isError && <ErrorAlert error={count.error} />}
      {progress && (
        <div className="flex items-center gap-2 text-xs">
          <Progress value={progress.applied} max={progress.total} label={t('progress')} />
          <span className="shrink-0 tabular-nums">
            {format.number(progress.applied)} / {format.number(progress.total)}
          </span>
        </div>
      )}
    </div>
  );
}
