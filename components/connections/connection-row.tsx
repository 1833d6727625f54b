'use client';

import { useQuery } from '@tanstack/react-query';
import { PlugZap } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
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

/** A connect string broken only between its hosts, never inside an address. */
export function ConnectString({ value }: { value: string }) {
  const hosts = value.split(',');
  return (
    <span className="font-mono text-xs">
      {hosts.map((h, i) => (
        <span key={i}>
          <span className="whitespace-nowrap">
            {h}
            {i < hosts.length - 1 && ','}
          </span>
          {i < hosts.length - 1 && <wbr />}
        </span>
      ))}
    </span>
  );
}

/** What a row and a card both show: origin and badges, the glance, health, the admin's actions. */
function useConnectionParts(c: ConnectionSummary, admin: boolean) {
  const t = useTranslations('connections');
  const format = useFormat();
  const status = useQuery(ensembleGlanceQuery(c.id));
  const g = glance(status.data);
  const test = useTestConnection();
  return {
    definedBy: (
      <>
        {t(`origin.${c.origin}`)}
        {c.readOnly && <Badge className="ml-1">{t('readOnlyBadge')}</Badge>}
        {c.tls && <Badge className="ml-1">TLS</Badge>}
        {c.sasl && <Badge className="ml-1">{t('saslBadge', { user: c.sasl.username })}</Badge>}
      </>
    ),
    session: t(`state.${c.state}`),
    members: g ? t('membersOf', { up: format.number(g.up), members: format.number(g.members) }) : '—',
    latency: g?.latency == null ? '—' : t('latencyMs', { value: format.number(g.latency) }),
    health: g ? (
      <Badge tone={HEALTH_TONE[g.health]}>{t(`health.${g.health}`)}</Badge>
    ) : status.error ? (
      <ErrorText error={status.error} />
    ) : (
      <span className="text-xs text-muted">{t('healthChecking')}</span>
    ),
    actions: admin && (
      <div className="flex flex-wrap gap-1 md:flex-nowrap">
        <Button size="sm" variant="ghost" aria-label={t('testLabel', { id: c.id })} onClick={() => test.mutate(c.id)} disabled={test.isPending}>
          <PlugZap /> {test.isPending ? t('testing') : t('test')}
        </Button>
        {c.origin === 'runtime' && <ConnectionFormDialog editing={c} />}
        {c.origin === 'runtime' && <RemoveConnection connection={c} />}
      </div>
    ),
    result: (test.data || test.error) && (test.data ? <TestResult id={c.id} result={test.data} /> : <ErrorText error={test.error} className="block" />),
  };
}

function NameAndId({ connection: c }: { connection: ConnectionSummary }) {
  return (
    <>
      <Link href={browseHref(c.id, '/')} className="font-medium text-accent hover:underline">
        {c.name}
      </Link>
      <span className="block font-mono text-xs text-muted">{c.id}</span>
    </>
  );
}

/** One connection at a glance: session state, members up, worst average latency, health. */
export function ConnectionRow({ connection: c, admin }: { connection: ConnectionSummary; admin: boolean }) {
  const parts = useConnectionParts(c, admin);
  const cells = 8;
  return (
    <tbody>
      <tr className="border-t border-border">
        <th scope="row" className="px-3 py-2 text-left font-normal">
          <NameAndId connection={c} />
        </th>
        <td className="px-3 py-2">
          <ConnectString value={c.connectString} />
        </td>
        <td className="px-3 py-2 text-xs">{parts.definedBy}</td>
        <td className="px-3 py-2 text-xs [word-break:keep-all]">{parts.session}</td>
        <td className="px-3 py-2 text-right whitespace-nowrap">{parts.members}</td>
        <td className="px-3 py-2 text-right whitespace-nowrap">{parts.latency}</td>
        <td className="px-3 py-2">{parts.health}</td>
        <td className="px-3 py-2">{parts.actions}</td>
      </tr>
      {parts.result && (
        <tr>
          <td colSpan={cells} className="px-3 pb-2">
            {parts.result}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** The same connection as a card, for a phone: each value under its column's name. */
export function ConnectionCard({ connection: c, admin }: { connection: ConnectionSummary; admin: boolean }) {
  const t = useTranslations('connections');
  const parts = useConnectionParts(c, admin);
  const item = (label: string, value: ReactNode) => (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="text-xs text-muted [word-break:keep-all]">{label}</dt>
      <dd className="min-w-0 text-sm">{value}</dd>
    </div>
  );
  return (
    <li className="space-y-2 rounded-lg border border-border bg-panel p-3">
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1 [overflow-wrap:anywhere]">
          <NameAndId connection={c} />
        </div>
        {parts.health}
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-2 [word-break:keep-all]">
        <div className="col-span-2">{item(t('columns.connectString'), <ConnectString value={c.connectString} />)}</div>
        {item(t('columns.definedBy'), <span className="text-xs">{parts.definedBy}</span>)}
        {item(t('columns.session'), <span className="text-xs">{parts.session}</span>)}
        {item(t('columns.membersUp'), parts.members)}
        {item(t('columns.latency'), parts.latency)}
      </dl>
      {parts.actions}
      {parts.result}
    </li>
  );
}
