'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorText } from '@/components/ui/error-alert';
import { useFormat } from '@/lib/client/format';
import { sessionIdHex } from '@/lib/client/node-kind';
import { ownEphemeralsQuery, ownSessionsQuery, SESSIONS_POLL_MS, type OwnSession } from '@/lib/client/sessions';
import type { SessionState } from '@/lib/shared/types';
import { DataSection, DataTable } from './data-section';
import { PollError } from './poll-error';
import { ZnodeLink } from './znode-link';

const STATE_TONE: Record<SessionState, 'accent' | 'warn' | 'danger' | 'neutral'> = {
  connected: 'accent',
  connecting: 'warn',
  expired: 'danger',
  closed: 'neutral',
};

const COLUMNS = ['connection', 'sessionId', 'server', 'state', 'timeout', 'ephemerals'] as const;

function Ephemerals({ session }: { session: OwnSession | undefined }) {
  const t = useTranslations('ensemble.sessions');
  if (!session) return <span className="text-muted">{t('notListed')}</span>;
  if (session.ephemerals === null) return <span className="text-muted">{t('unknownEphemerals')}</span>;
  if (session.ephemerals.length === 0) return <span className="text-muted">{t('noEphemerals')}</span>;
  return (
    <ul aria-label={t('ephemeralsOf', { id: session.sessionId ? sessionIdHex(session.sessionId) : '' })} className="max-h-40 space-y-0.5 overflow-auto">
      {session.ephemerals.map((path) => (
        <li key={path}>
          <ZnodeLink connection={session.connectionId} path={path} />
        </li>
      ))}
    </ul>
  );
}

/** The ZooKeeper sessions this dashboard holds (one per connection and credential set). */
export function DashboardSessions({ connection }: { connection: string }) {
  const t = useTranslations('ensemble.sessions');
  const format = useFormat();
  const sessions = useQuery(ownSessionsQuery());
  const [asked, setAsked] = useState(false);
  const dump = useQuery(ownEphemeralsQuery(asked));
  const owned = (s: OwnSession) => (dump.data ?? []).find((d) => d.connectionId === s.connectionId && d.sessionId === s.sessionId);
  // The current connection first: that is what the operator came to look at.
  const rows = sessions.data ? [...sessions.data].sort((a, b) => Number(b.connectionId === connection) - Number(a.connectionId === connection)) : null;
  return (
    <DataSection id="sessions-heading" title={t('title')}>
      <p className="text-sm text-muted">{t('intro')}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button size="sm" onClick={() => (asked ? dump.refetch() : setAsked(true))} disabled={dump.isFetching}>
          {dump.isFetching ? t('listing') : asked ? t('listAgain') : t('list')}
        </Button>
        <span className="text-xs text-muted">{t('dumpCost')}</span>
        {dump.error && <ErrorText error={dump.error} />}
      </div>
      {sessions.error && <PollError error={sessions.error} retryMs={SESSIONS_POLL_MS} stale={Boolean(rows)} />}
      {!rows ? (
        !sessions.error && <Skeleton className="h-20" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted">{t('none')}</p>
      ) : (
        <DataTable columns={COLUMNS.map((c) => t(`columns.${c}`))}>
          <tbody>
            {rows.map((s, i) => (
              <tr key={`${s.connectionId}:${s.sessionId ?? i}`} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {s.connectionName}
                  {s.connectionName !== s.connectionId && <span className="block font-mono text-xs font-normal text-muted">{s.connectionId}</span>}
                  {s.authenticated && (
                    <Badge tone="accent" className="mt-1" title={t('authenticatedTitle')}>
                      {t('authenticated')}
                    </Badge>
                  )}
                </th>
                <td className="px-3 py-2 font-mono text-xs">{s.sessionId ? sessionIdHex(s.sessionId) : '—'}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.server ?? '—'}</td>
                <td className="px-3 py-2">
                  <Badge tone={STATE_TONE[s.state]}>{t(`states.${s.state}`)}</Badge>
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{s.timeoutMs == null ? '—' : t('seconds', { seconds: format.number(s.timeoutMs / 1000) })}</td>
                <td className="px-3 py-2">
                  {asked ? <Ephemerals session={owned(s)} /> : <span className="text-muted">{t('notListedYet')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </DataSection>
  );
}
