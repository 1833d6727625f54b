import { Fact, StatusBanner } from '@/components/ensemble/status-banner';
import { kafkaVerdict } from '@/lib/client/kafka';
import type { KafkaModel } from '@/lib/shared/kafka';

/** The cluster's red/amber/green verdict with the counts an operator checks first. */
export function KafkaHealthBanner({ model }: { model: KafkaModel }) {
  const { status, findings } = kafkaVerdict(model);
  const h = model.health;
  const partitions = model.topics.reduce((n, t) => n + t.partitions.length, 0);
  return (
    <StatusBanner
      status={status}
      label="Kafka health"
      problems={findings.map((f, i) => ({ key: `${i}:${f.message}`, ...f }))}
      facts={
        <>
          <Fact label="Brokers live">
            {model.brokers.length} of {model.brokers.length + h.brokersDown.length}
          </Fact>
          <Fact label="Topics">{model.topics.length.toLocaleString()}</Fact>
          <Fact label="Partitions">{partitions.toLocaleString()}</Fact>
          <Fact label="Offline">{h.offlinePartitions.length.toLocaleString()}</Fact>
          <Fact label="Under-replicated">{h.underReplicatedPartitions.length.toLocaleString()}</Fact>
          <Fact label="Preferred-leader imbalance">{h.preferredReplicaImbalance.length.toLocaleString()}</Fact>
          <Fact label="Pending deletion">{h.pendingDeletion.length.toLocaleString()}</Fact>
        </>
      }
    />
  );
}
