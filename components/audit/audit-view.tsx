'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import type { AuditFilter } from '@/lib/shared/audit';
import { auditExportUrl, auditQuery } from '@/lib/client/audit';
import { connectionsQuery } from '@/lib/client/connections';
import { AuditFilters } from './audit-filters';
import { AuditRow } from './audit-row';

/** The audit log (admins): filters, newest changes first, per-change diffs, JSON-lines export. */
export function AuditView() {
  const t = useTranslations('audit');
  const [filter, setFilter] = useState<AuditFilter>({});
  const query = useInfiniteQuery(auditQuery(filter));
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  // Connections are named here as in the header's selector (the id for one since removed).
  const names = new Map((useQuery(connectionsQuery()).data ?? []).map((c) => [c.id, c.name]));
  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-3 overflow-auto p-2 sm:p-4">
      <div className="flex items-center gap-3">
        <h1 className="text-lg font-semibold">{t('heading')}</h1>
        <a href={auditExportUrl(filter)} download className="ml-auto inline-flex h-8 items-center gap-1.5 rounded-md border border-border bg-panel px-3 text-sm font-medium hover:bg-subtle">
          <Download aria-hidden className="size-4" />
          {t('exportLines')}
        </a>
      </div>
      <AuditFilters onApply={setFilter} />
      {query.isError && <ErrorAlert error={query.error} />}
      {query.isPending ? (
        <Skeleton className="h-40" />
      ) : (
        <div className="relative overflow-x-auto">
        <table className="w-full min-w-[52rem] sm:min-w-[60rem] table-fixed text-xs">
          <caption className="sr-only">{t('caption')}</caption>
          <thead className="text-left text-muted">
            <tr>
              <th scope="col" className="hidden w-44 pr-2 font-medium sm:table-cell">{t('columns.time')}</th>
              <th scope="col" className="w-38 pr-2 font-medium sm:w-40">{t('columns.operation')}</th>
              <th scope="col" className="pr-2 font-medium">{t('columns.path')}</th>
              <th scope="col" className="w-28 pr-2 font-medium">{t('columns.operator')}</th>
              <th scope="col" className="w-40 pr-2 font-medium">{t('columns.connection')}</th>
              <th scope="col" className="w-20 pr-2 font-medium">{t('columns.version')}</th>
              <th scope="col" className="w-24">
                <span className="sr-only">{t('columns.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {entries.map((e) => (
              <AuditRow key={e.id} entry={e} connectionName={e.connection ? names.get(e.connection) : undefined} />
            ))}
          </tbody>
        </table>
        </div>
      )}
      {query.isSuccess && entries.length === 0 && <p className="text-sm text-muted">{t('empty')}</p>}
      {query.hasNextPage && (
        <Button className="self-center" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('loading') : t('loadOlder')}
        </Button>
      )}
    </div>
  );
}
