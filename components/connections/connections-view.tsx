'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ensemble/data-section';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import { connectionsQuery } from '@/lib/client/connections';
import { signInQuery } from '@/lib/client/sign-in';
import { useMediaQuery } from '@/lib/client/use-media-query';
import { ConnectionFormDialog } from './connection-form-dialog';
import { ConnectionCard, ConnectionRow } from './connection-row';

/** Every connection with its state and health; admins add, edit, test and remove those added here. */
export function ConnectionsView() {
  const t = useTranslations('connections');
  const columns = [
    t('columns.connection'),
    t('columns.connectString'),
    t('columns.definedBy'),
    t('columns.session'),
    { label: t('columns.membersUp'), numeric: true as const },
    { label: t('columns.latency'), numeric: true as const },
    t('columns.health'),
    t('columns.actions'),
  ];
  const connections = useQuery(connectionsQuery());
  const admin = useQuery(signInQuery()).data?.user?.role === 'admin';
  const wide = useMediaQuery('(min-width: 48rem)', true);
  return (
    <main className="mx-auto w-full max-w-7xl min-w-0 space-y-4 p-3 sm:p-6">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">{t('heading')}</h1>
        {admin && (
          <div className="ml-auto">
            <ConnectionFormDialog />
          </div>
        )}
      </div>
      <p className="text-sm [overflow-wrap:anywhere] text-muted">
        {t.rich('intro', { code: (chunks) => <code>{chunks}</code> })}
      </p>
      {connections.error && <ErrorAlert error={connections.error} />}
      {connections.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        wide ? (
          <DataTable columns={columns} label={t('table')}>
            {connections.data?.map((c) => <ConnectionRow key={c.id} connection={c} admin={admin} />)}
          </DataTable>
        ) : (
          // A phone gets one card per connection; the table from `md` (48rem) up.
          <ul aria-label={t('table')} className="space-y-2">
            {connections.data?.map((c) => <ConnectionCard key={c.id} connection={c} admin={admin} />)}
          </ul>
        )
      )}
    </main>
  );
}
