import { DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { cn } from '@/components/ui/cn';
import type { KafkaPartition, KafkaTopic } from '@/lib/shared/kafka';
import { Flags } from './flags';

const COLUMNS = ['Partition', 'Leader', 'Replicas', 'In-sync replicas', 'Status', 'State znode'];

/** Broker ids, the ones not registered marked down (struck through, with the word for screen readers). */
function BrokerIds({ ids, down }: { ids: number[]; down: number[] }) {
  if (ids.length === 0) return <span className="text-muted">none</span>;
  return (
    <span className="font-mono">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          {down.includes(id) ? (
            <span className="text-danger line-through" title={`Broker ${id} is down`}>
              {id}
              <span className="sr-only"> (down)</span>
            </span>
          ) : (
            id
          )}
        </span>
      ))}
    </span>
  );
}

function leaderText(p: KafkaPartition): string {
  if (p.leader === null) return 'unknown';
  return p.leader === -1 ? 'none' : String(p.leader);
}

function PartitionStatus({ p }: { p: KafkaPartition }) {
  return (
    <Flags
      flags={[
        { when: p.offline, tone: 'danger', text: 'offline', title: 'No live leader: clients cannot read or write this partition' },
        { when: p.underReplicated, tone: 'warn', text: 'under-replicated', title: 'Fewer in-sync replicas than assigned replicas' },
        { when: p.preferredLeaderImbalance, tone: 'neutral', text: 'not preferred leader', title: `The preferred leader is broker ${p.preferredLeader}` },
        { when: Boolean(p.malformed), tone: 'warn', text: 'malformed', title: 'The state znode could not be decoded' },
      ]}
    />
  );
}

/** One topic's partitions: leader, replicas and ISR, offline and under-replicated ones highlighted. */
export function PartitionTable({ connection, topic, id }: { connection: string; topic: KafkaTopic; id: string }) {
  if (topic.partitions.length === 0) {
    return (
      <p id={id} className="px-3 py-2 text-sm text-muted">
        No partitions could be read for this topic.
      </p>
    );
  }
  return (
    <DataTable bare id={id} label={`Partitions of ${topic.name}`} columns={COLUMNS}>
      <tbody>
        {topic.partitions.map((p) => (
          <tr key={p.id} className={cn('border-t border-border', p.offline ? 'bg-danger-soft' : p.underReplicated && 'bg-warn-soft')}>
            <th scope="row" className="px-3 py-1 text-left font-mono font-normal">
              {p.id}
            </th>
            <td className={cn('px-3 py-1 font-mono', p.offline && 'font-semibold text-danger')}>{leaderText(p)}</td>
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
