'use client';

import { useQuery } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ensembleGlanceQuery, formatMetric } from '@/lib/client/ensemble';
import { describeError } from '@/lib/client/errors';
import { useTestConnection } from '@/lib/client/connection-changes';
import { browseHref } from '@/lib/client/urls';
import type { EnsembleStatus, HealthStatus } from '@/lib/shared/ensemble';
import type { ConnectionSummary } from '@/lib/shared/wire';
import { ConnectionFormDialog } from './connection-form-dialog';
import { RemoveConnection } from './remove-connection';
import { TestResult } from './test-result';

const HEALTH: Record<HealthStatus, { word: string; tone: 'accent' | 'warn' | 'danger' }> = {
  green: { word: 'Healthy', tone: 'accent' },
  amber: { word: 'Degraded', tone: 'warn' },
  red: { word: 'Unhealthy', tone: 'danger' },
};

const ORIGIN = { environment: 'ZK_CONNECT', file: 'config file', runtime: 'added here' } as const;

function glance(status: EnsembleStatus | undefined) {
  if (!status) return null;
  const members = status.servers.length;
  const up = status.servers.filter((s) => s.serving).length;
  const latencies = status.servers.flatMap((s) => (s.latency ? [s.latency.avg] : []));
  return { members, up, latency: latencies.length ? Math.max(...latencies) : null, health: status.health.status };
}

/** One connection at a glance: session state, members up, worst average latency, health. */
export function ConnectionRow({ connection: c, admin }: { connection: ConnectionSummary; admin: boolean }) {
  const status = useQuery(ensembleGlanceQuery(c.id));
  const g = glance(status.data);
  const test = useTestConnection();
  const cells = 8;
  return (
    <tbody>
      <tr className="border-t border-border">
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <Link href={browseHref(c.id, '/')} className="font-medium text-accent hover:underline">
            {c.name}
          </Link>
          <span className="block font-mono text-xs text-muted">{c.id}</span>
        </th>
        <td className="px-3 py-2 font-mono text-xs break-all">{c.connectString}</td>
        <td className="px-3 py-2 text-xs">
          {ORIGIN[c.origin]}
          {c.readOnly && <Badge className="ml-1">read-only</Badge>}
          {c.tls && <Badge className="ml-1">TLS</Badge>}
          {c.sasl && <Badge className="ml-1">SASL {c.sasl.username}</Badge>}
        </td>
        <td className="px-3 py-2 text-xs">{c.state}</td>
        <td className="px-3 py-2 text-right">{g ? `${g.up} of ${g.members}` : '—'}</td>
        <td className="px-3 py-2 text-right">{g?.latency == null ? '—' : `${formatMetric(g.latency)} ms`}</td>
        <td className="px-3 py-2">
          {g ? (
            <Badge tone={HEALTH[g.health].tone}>{HEALTH[g.health].word}</Badge>
          ) : status.error ? (
            <span className="text-xs text-danger">{describeError(status.error).message}</span>
          ) : (
            <span className="text-xs text-muted">checking…</span>
          )}
        </td>
        <td className="px-3 py-2">
          {admin && (
            <div className="flex gap-1">
              <Button size="sm" variant="ghost" aria-label={`Test ${c.id}`} onClick={() => test.mutate(c.id)} disabled={test.isPending}>
                <PlugZap /> {test.isPending ? 'Testing…' : 'Test'}
              </Button>
              {c.origin === 'runtime' && <ConnectionFormDialog editing={c} />}
              {c.origin === 'runtime' && <RemoveConnection connection={c} />}
            </div>
          )}
        </td>
      </tr>
      {(test.data || test.error) && (
        <tr>
          <td colSpan={cells} className="px-3 pb-2">
            {test.data ? <TestResult id={c.id} result={test.data} /> : <p className="text-xs text-danger">{describeError(test.error).message}</p>}
          </td>
        </tr>
      )}
    </tbody>
  );
}
