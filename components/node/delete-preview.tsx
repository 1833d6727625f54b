'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/client/format';
import { childStatsQuery } from '@/lib/client/children';
import { NO_FILTER } from '@/lib/shared/names';

/** How many of the node's children the preview names. */
const SHOWN = 12;

/** The first level of what a recursive delete takes: the first children and how many each holds. */
export function DeletePreview({ connection, path, numChildren }: { connection: string; path: string; numChildren: number }) {
  const t = useTranslations('node.delete');
  const format = useFormat();
  const chunk = useQuery(childStatsQuery(connection, path, NO_FILTER, 0));
  const shown = (chunk.data?.children ?? []).slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-muted">{t('previewTitle')}</p>
      <ul aria-label={t('previewList')} className="max-h-40 overflow-auto rounded-md border border-border px-2 py-1 font-mono text-xs">
        {shown.map((c) => (
          <li key={c.name} className="flex gap-2">
            <span className="truncate">{c.name}</span>
            {c.stat && c.stat.numChildren > 0 && (
              <span className="ml-auto shrink-0 font-sans text-muted">
                {t('previewChildren', { count: c.stat.numChildren, shown: format.number(c.stat.numChildren) })}
              </span>
            )}
          </li>
        ))}
        {numChildren > shown.length && <li className="font-sans text-muted">{t('previewMore', { count: format.number(numChildren - shown.length) })}</li>}
      </ul>
    </div>
  );
}
