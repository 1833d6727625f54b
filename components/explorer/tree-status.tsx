import { useTranslations } from 'next-intl';
import { NoAuthInline } from '@/components/auth/no-auth-inline';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/client/api-client';
import { useDescribeError } from '@/lib/client/errors';
import { TREE_INDENT_PX, TREE_ROW_HEIGHT } from './tree-row';
import type { NameFilter } from '@/lib/shared/names';
import type { Row } from './tree-model';

/** Rows that are not nodes: a list still loading, emptied by its filter, or failing. */
export function TreeStatus({ row, filter, top }: { row: Extract<Row, { kind: 'loading' | 'empty' | 'error' }>; filter: NameFilter; top: number }) {
  const t = useTranslations('explorer.status');
  const describeError = useDescribeError();
  return (
    <div
      className="absolute top-0 left-0 flex w-full items-center pr-3 text-xs text-muted"
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${top}px)`, paddingLeft: 8 + (row.level - 1) * TREE_INDENT_PX + 24 }}
    >
      {row.kind === 'loading' && (
        <>
          <span className="sr-only">{t('loading')}</span>
          <Skeleton className="h-3.5 w-48" />
        </>
      )}
      {row.kind === 'empty' && <span role="status">{filter.contains ? t('noneContain', { text: filter.contains }) : t('noneStart', { text: filter.prefix })}</span>}
      {row.kind === 'error' &&
        (isApiError(row.error, 'NO_AUTH') ? (
          <NoAuthInline operation="listChildren" />
        ) : (
          <span title={describeError(row.error).message}>{t('unavailable', { title: describeError(row.error).title })}</span>
        ))}
    </div>
  );
}
