import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { KafkaPartition, KafkaTopic } from '@/lib/kafka/model';

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
  const badges = [
    p.offline && (
      <Badge key="offline" tone="danger" title="No live leader: clients cannot read or write this partition">
        offline
      </Badge>
    ),
    p.underReplicated && (
      <Badge key="urp" tone="warn" title="Fewer in-sync replicas than assigned replicas">
        under-replicated
      </Badge>
    ),
    p.preferredLeaderImbalance && (
      <Badge key="pref" tone="neutral" title={`The preferred leader is broker ${p.preferredLeader}`}>
        not preferred leader
      </Badge>
    ),
    p.malformed && (
      <Badge key="bad" tone="warn" title="The state znode could not be decoded">
        malformed
      </Badge>
    ),
  ].filter(Boolean);
  return badges.length ? <span className="flex flex-wrap gap-1">{badges}</span> : <span className="text-ok">ok</span>;
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
    <table id={id} aria-label={`Partitions of ${topic.name}`} className="w-full text-sm tabular-nums">
      <thead className="text-xs text-muted">
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col" className="px-3 py-1.5 text-left font-medium">
              {c}
            </th>
          ))}
        </tr>
      </thead>
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
    </table>
  );
}
