'use client';

import { useQuery } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-alert';
import { ensembleGlanceQuery } from '@/lib/client/ensemble';
import { useTestConnection } from '@/lib/client/connection-changes';
import { useFormat } from '@/lib/client/format';
import { browseHref } from '@/lib/client/urls';
import type { EnsembleStatus, HealthStatus } from '@/lib/shared/ensemble';
import type { ConnectionSummary } from '@/lib/shared/wire';
import { ConnectionFormDialog } from './connection-form-dialog';
import { RemoveConnection } from './remove-connection';
import { TestResult } from './test-result';

const HEALTH_TONE: Record<HealthStatus, 'accent' | 'warn' | 'danger'> = { green: 'accent', amber: 'warn', red: 'danger' };

function glance(status: EnsembleStatus | undefined) {
  if (!status) return null;
  const members = status.servers.length;
  const up = status.servers.filter((s) => s.serving).length;
  const latencies = status.servers.flatMap((s) => (s.latency ? [s.latency.avg] : []));
  return { members, up, latency: latencies.length ? Math.max(...latencies) : null, health: status.health.status };
}

/** One connection at a glance: session state, members up, worst average latency, health. */
export function ConnectionRow({ connection: c, admin }: { connection: ConnectionSummary; admin: boolean }) {
  const t = useTranslations('connections');
  const format = useFormat();
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
          {t(`origin.${c.origin}`)}
          {c.readOnly && <Badge className="ml-1">{t('readOnlyBadge')}</Badge>}
          {c.tls && <Badge className="ml-1">TLS</Badge>}
          {c.sasl && <Badge className="ml-1">{t('saslBadge', { user: c.sasl.username })}</Badge>}
        </td>
        <td className="px-3 py-2 text-xs">{t(`state.${c.state}`)}</td>
        <td className="px-3 py-2 text-right">{g ? t('membersOf', { up: format.number(g.up), members: format.number(g.members) }) : '—'}</td>
        <td className="px-3 py-2 text-right">{g?.latency == null ? '—' : t('latencyMs', { value: format.number(g.latency) })}</td>
        <td className="px-3 py-2">
          {g ? (
            <Badge tone={HEALTH_TONE[g.health]}>{t(`health.${g.health}`)}</Badge>
          ) : status.error ? (
            <ErrorText error={status.error} />
          ) : (
            <span className="text-xs text-muted">{t('healthChecking')}</span>
          )}
        </td>
        <td className="px-3 py-2">
          {admin && (
            <div className="flex gap-1">
              <Button size="sm" variant="ghost" aria-label={t('testLabel', { id: c.id })} onClick={() => test.mutate(c.id)} disabled={test.isPending}>
                <PlugZap /> {test.isPending ? t('testing') : t('test')}
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
            {test.data ? <TestResult id={c.id} result={test.data} /> : <ErrorText error={test.error} className="block" />}
          </td>
        </tr>
      )}
    </tbody>
  );
}
