'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { Skeleton } from '@/components/ui/skeleton';
import { ensembleQuery, ENSEMBLE_POLL_MS } from '@/lib/client/ensemble';
import { signInQuery } from '@/lib/client/sign-in';
import { DashboardSessions } from './dashboard-sessions';
import { EnsembleCharts } from './ensemble-charts';
import { EnsembleHealthBanner } from './ensemble-health';
import { PollError } from './poll-error';
import { ServerTable } from './server-table';
import { ViewHeader } from './view-header';

function StatusSkeleton() {
  const t = useTranslations('ensemble');
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t('loadingStatus')}>
      <Skeleton className="h-20" />
      <Skeleton className="h-32" />
    </div>
  );
}

/** The ensemble dashboard: verdict, servers, hour of charts and the dashboard's own sessions. */
export function EnsembleView({ connection }: { connection: string }) {
  const t = useTranslations('ensemble');
  const status = useQuery(ensembleQuery(connection));
  // Every operator's sessions are listed there: the server shows them to admins only.
  const admin = useQuery(signInQuery()).data?.user?.role === 'admin';
  const data = status.data;
  return (
    <main className="min-h-0 flex-1 overflow-auto">
      <div className="mx-auto max-w-screen-2xl space-y-6 p-3 sm:p-6">
        <ViewHeader
          title={t('title')}
          description={
            data ? t('description', { count: data.servers.length, chroot: data.chroot ?? 'none', ms: data.durationMs }) : t('descriptionLoading')
          }
          updatedAt={status.dataUpdatedAt}
          fetching={status.isFetching}
          pollMs={ENSEMBLE_POLL_MS}
        />
        {status.error && <PollError error={status.error} retryMs={ENSEMBLE_POLL_MS} stale={Boolean(data)} />}
        {data ? (
          <>
            <EnsembleHealthBanner health={data.health} serverCount={data.servers.filter((s) => s.queried).length} />
            <ServerTable servers={data.servers} health={data.health} />
          </>
        ) : (
          !status.error && <StatusSkeleton />
        )}
        <EnsembleCharts connection={connection} />
        {admin && <DashboardSessions connection={connection} />}
      </div>
    </main>
  );
}
