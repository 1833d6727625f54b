'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorText } from '@/components/ui/error-alert';
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

const COLUMNS = ['Connection', 'Session id', 'Server', 'State', 'Timeout', 'Ephemeral nodes owned'];

function Ephemerals({ session }: { session: OwnSession | undefined }) {
  if (!session) return <span className="text-muted">not listed</span>;
  if (session.ephemerals === null) return <span className="text-muted">unknown (no server answered the dump four-letter word)</span>;
  if (session.ephemerals.length === 0) return <span className="text-muted">none</span>;
  return (
    <ul aria-label={`Ephemeral nodes of session ${session.sessionId ? sessionIdHex(session.sessionId) : ''}`} className="max-h-40 space-y-0.5 overflow-auto">
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
  const sessions = useQuery(ownSessionsQuery());
  const [asked, setAsked] = useState(false);
  const dump = useQuery(ownEphemeralsQuery(asked));
  const owned = (s: OwnSession) => (dump.data ?? []).find((d) => d.connectionId === s.connectionId && d.sessionId === s.sessionId);
  // The current connection first: that is what the operator came to look at.
  const rows = sessions.data ? [...sessions.data].sort((a, b) => Number(b.connectionId === connection) - Number(a.connectionId === connection)) : null;
  return (
    <DataSection id="sessions-heading" title="Dashboard sessions">
      <p className="text-sm text-muted">The ZooKeeper sessions Zooscope itself holds, and the ephemeral nodes that vanish when one of them ends.</p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Button size="sm" onClick={() => (asked ? dump.refetch() : setAsked(true))} disabled={dump.isFetching}>
          {dump.isFetching ? 'Listing…' : asked ? 'List ephemeral nodes again' : 'List ephemeral nodes'}
        </Button>
        <span className="text-xs text-muted">Runs the dump four-letter word on the leader, which walks every session: costly on a large server.</span>
        {dump.error && <ErrorText error={dump.error} />}
      </div>
      {sessions.error && <PollError error={sessions.error} retryMs={SESSIONS_POLL_MS} stale={Boolean(rows)} />}
      {!rows ? (
        !sessions.error && <Skeleton className="h-20" />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted">No open sessions.</p>
      ) : (
        <DataTable columns={COLUMNS}>
          <tbody>
            {rows.map((s, i) => (
              <tr key={`${s.connectionId}:${s.sessionId ?? i}`} className="border-t border-border align-top">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {s.connectionName}
                  {s.connectionName !== s.connectionId && <span className="block font-mono text-xs font-normal text-muted">{s.connectionId}</span>}
                  {s.authenticated && (
                    <Badge tone="accent" className="mt-1" title="Carries ZooKeeper credentials an operator added">
                      authenticated
                    </Badge>
                  )}
                </th>
                <td className="px-3 py-2 font-mono text-xs">{s.sessionId ? sessionIdHex(s.sessionId) : '—'}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.server ?? '—'}</td>
                <td className="px-3 py-2">
                  <Badge tone={STATE_TONE[s.state]}>{s.state}</Badge>
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{s.timeoutMs == null ? '—' : `${(s.timeoutMs / 1000).toLocaleString()} s`}</td>
                <td className="px-3 py-2">
                  {asked ? <Ephemerals session={owned(s)} /> : <span className="text-muted">not listed yet</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </DataSection>
  );
}
