import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { cn } from '@/components/ui/cn';
import type { KafkaPartition, KafkaTopic } from '@/lib/shared/kafka';
import { Flags } from './flags';

const COLUMNS = ['partition', 'leader', 'replicas', 'isr', 'status', 'state'] as const;

/** Broker ids, the ones not registered marked down (struck through, with the word for screen readers). */
function BrokerIds({ ids, down }: { ids: number[]; down: number[] }) {
  const t = useTranslations('kafka.partitions');
  if (ids.length === 0) return <span className="text-muted">{t('none')}</span>;
  return (
    <span className="font-mono">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          {down.includes(id) ? (
            <span className="text-danger line-through" title={t('brokerDown', { id })}>
              {id}
              <span className="sr-only">{t('down')}</span>
            </span>
          ) : (
            id
          )}
        </span>
      ))}
    </span>
  );
}

type PartitionsT = ReturnType<typeof useTranslations<'kafka.partitions'>>;

function leaderText(t: PartitionsT, p: KafkaPartition): string {
  if (p.leader === null) return t('unknown');
  return p.leader === -1 ? t('none') : String(p.leader);
}

function PartitionStatus({ p }: { p: KafkaPartition }) {
  const t = useTranslations('kafka.partitions');
  return (
    <Flags
      flags={[
        { when: p.offline, tone: 'danger', text: t('offline'), title: t('offlineTitle') },
        { when: p.underReplicated, tone: 'warn', text: t('underReplicated'), title: t('underReplicatedTitle') },
        { when: p.preferredLeaderImbalance, tone: 'neutral', text: t('notPreferred'), title: t('notPreferredTitle', { id: String(p.preferredLeader) }) },
        { when: Boolean(p.malformed), tone: 'warn', text: t('malformed'), title: t('malformedTitle') },
      ]}
    />
  );
}

/** One topic's partitions: leader, replicas and ISR, offline and under-replicated ones highlighted. */
export function PartitionTable({ connection, topic, id }: { connection: string; topic: KafkaTopic; id: string }) {
  const t = useTranslations('kafka.partitions');
  if (topic.partitions.length === 0) {
    return (
      <p id={id} className="px-3 py-2 text-sm text-muted">
        {t('noPartitions')}
      </p>
    );
  }
  return (
    <DataTable bare id={id} label={t('of', { topic: topic.name })} columns={COLUMNS.map((c) => t(`columns.${c}`))}>
      <tbody>
        {topic.partitions.map((p) => (
          <tr key={p.id} className={cn('border-t border-border', p.offline ? 'bg-danger-soft' : p.underReplicated && 'bg-warn-soft')}>
            <th scope="row" className="px-3 py-1 text-left font-mono font-normal">
              {p.id}
            </th>
            <td className={cn('px-3 py-1 font-mono', p.offline && 'font-semibold text-danger')}>{leaderText(t, p)}</td>
            <td className="px-3 py-1">
              <BrokerIds ids={p.replicas} down={p.replicasDown} />
            </td>
            <td className="px-3 py-1">
              <BrokerIds ids={p.isr} down={p.replicasDown} />
            </td>
            <td className="px-3 py-1">
              <PartitionStatus p={p} />
            </td>
            <td className="px-3 py-1">
              <ZnodeLink connection={connection} path={p.path} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
