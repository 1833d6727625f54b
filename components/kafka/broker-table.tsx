'use client';

import { CircleCheck, CircleX, Crown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useNow } from '@/components/ensemble/use-now';
import { DataSection, DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/lib/client/format';
import type { KafkaModel } from '@/lib/shared/kafka';
import { joinPath } from '@/lib/shared/path';

const COLUMNS = ['broker', 'status', 'hostPort', 'endpoints', 'rack', 'registered', 'znode'] as const;

const hostPort = (host: string | null, port: number | null) => (host === null ? '—' : `${host}${port === null ? '' : `:${port}`}`);

/** Registered brokers, then the ones replica assignments name but that are not registered (down). */
export function BrokerTable({ connection, model }: { connection: string; model: KafkaModel }) {
  const t = useTranslations('kafka.brokers');
  const format = useFormat();
  const now = useNow(30_000);
  const idsPath = joinPath(model.root, 'brokers/ids');
  const assigned = (id: number) => model.topics.reduce((n, t) => n + t.partitions.filter((p) => p.replicas.includes(id)).length, 0);
  return (
    <DataSection id="brokers-heading" title={t('title')}>
      <DataTable columns={COLUMNS.map((c) => t(`columns.${c}`))}>
        <tbody>
          {model.brokers.map((b) => (
            <tr key={b.id} className="border-t border-border align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                <span className="flex items-center gap-1.5">
                  {t('broker', { id: b.id })}
                  {model.controller.brokerId === b.id && <Crown aria-label={t('controller')} className="size-3.5 text-accent" />}
                </span>
              </th>
              <td className="px-3 py-2">
                <span className="flex items-center gap-1 text-ok">
                  <CircleCheck aria-hidden className="size-4" /> {t('up')}
                </span>
                {b.malformed && (
                  <Badge tone="warn" title={t('malformedTitle')}>
                    {t('malformed')}
                  </Badge>
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{hostPort(b.host, b.port)}</td>
              <td className="px-3 py-2">
                {b.endpoints.length === 0 ? (
                  <span className="text-muted">—</span>
                ) : (
                  <ul className="space-y-0.5 font-mono text-xs">
                    {b.endpoints.map((e) => (
                      <li key={`${e.listener}:${e.host}:${e.port}`}>
                        {e.listener}
                        {e.securityProtocol !== e.listener && ` (${e.securityProtocol})`}://{e.host}:{e.port}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="px-3 py-2">{b.rack ?? <span className="text-muted">—</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {b.since === null ? (
                  <span className="text-muted">—</span>
                ) : (
                  <time dateTime={new Date(b.since).toISOString()} title={format.dateTime(b.since)}>
                    {format.relative(b.since, now)}
                  </time>
                )}
              </td>
              <td className="px-3 py-2">
                <ZnodeLink connection={connection} path={b.path} />
              </td>
            </tr>
          ))}
          {model.health.brokersDown.map((id) => (
            <tr key={`down-${id}`} className="border-t border-border bg-danger-soft align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                {t('broker', { id })}
              </th>
              <td className="px-3 py-2">
                <span className="flex items-center gap-1 font-semibold text-danger">
                  <CircleX aria-hidden className="size-4" /> {t('down')}
                </span>
              </td>
              <td colSpan={4} className="px-3 py-2 text-sm">
                {t('notRegistered', { count: format.number(assigned(id)) })}
              </td>
              <td className="px-3 py-2">
                <ZnodeLink connection={connection} path={idsPath} />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </DataSection>
  );
}
