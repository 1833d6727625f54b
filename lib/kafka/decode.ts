import 'server-only';
import { int } from './json-values';
import { Decoder } from './znode-decoder';
import type { KafkaSnapshot, SnapshotNode } from './snapshot';
import type { KafkaBroker, KafkaModel, KafkaPartition, KafkaResult, KafkaTopic, TopicPartitionRef } from '@/lib/shared/kafka';

/**
 * Decodes ZooKeeper-mode Kafka metadata (the layout Kafka 0.10–3.x writes; tested on 1.0's) from a
 * snapshot of its znodes. Pure: no I/O and no throws — whatever cannot be decoded is recorded in
 * `problems` with its znode path, and the rest of the model is still built.
 */

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function decodeKafka(snapshot: KafkaSnapshot): KafkaResult {
  if (!snapshot.hasBrokers) return { kafka: null };
  const d = new Decoder(snapshot.root);

  const brokers: KafkaBroker[] = [];
  for (const { name, node } of snapshot.brokers) {
    // A broker listed but gone by the time it was read has just deregistered: it is down.
    const b = node ? d.broker(name, node) : null;
    if (b) brokers.push(b);
  }
  brokers.sort((a, b) => a.id - b.id);
  const live = new Set(brokers.map((b) => b.id));

  const configs = new Map<string, Record<string, string> | null>();
  for (const { name, node } of snapshot.topicConfigs) if (node) configs.set(name, d.config(name, node));
  const deleting = new Set(snapshot.pendingDeletion);

  const topics: KafkaTopic[] = [];
  for (const t of [...snapshot.topics].sort(byName)) {
    if (!t.assignment) continue;
    const assignment = d.assignment(t.name, t.assignment);
    const states = new Map<number, SnapshotNode | null>();
    for (const p of t.partitions) {
      const id = int(p.name);
      if (id === null) d.problem(d.path(`brokers/topics/${t.name}/partitions/${p.name}`), 'partitionIdNotInteger', 'Partition id is not an integer');
      else states.set(id, p.state);
    }
    const ids = [...new Set([...(assignment?.keys() ?? []), ...states.keys()])].sort((a, b) => a - b);
    const partitions = ids.map((id) => d.partition(t.name, id, assignment?.get(id) ?? [], states.get(id), live));
    const config = configs.get(t.name);
    const topic: KafkaTopic = {
      name: t.name,
      partitionCount: partitions.length,
      replicationFactor: partitions[0]?.replicas.length ?? 0,
      partitions,
      config: config ?? {},
      pendingDeletion: deleting.has(t.name),
      path: d.path(`brokers/topics/${t.name}`),
    };
    if (!assignment || config === null) topic.malformed = true;
    topics.push(topic);
  }

  const refs = (pred: (p: KafkaPartition) => boolean): TopicPartitionRef[] =>
    topics.flatMap((t) => t.partitions.filter(pred).map((p) => ({ topic: t.name, partition: p.id })));
  const assigned = new Set(topics.flatMap((t) => t.partitions.flatMap((p) => p.replicas)));
  const controller = d.controller(snapshot.controller, snapshot.controllerEpoch);

  const model: KafkaModel = {
    root: snapshot.root,
    clusterId: d.clusterId(snapshot.clusterId),
    controller,
    brokers,
    topics,
    health: {
      offlinePartitions: refs((p) => p.offline),
      underReplicatedPartitions: refs((p) => p.underReplicated),
      pendingDeletion: [...deleting].sort(),
      preferredReplicaImbalance: refs((p) => p.preferredLeaderImbalance),
      brokersDown: [...assigned].filter((id) => !live.has(id)).sort((a, b) => a - b),
      noController: controller.brokerId === null || controller.brokerId < 0,
      reassignmentsInProgress: d.reassignments(snapshot.reassignPartitions),
    },
    problems: [...(snapshot.problems ?? []), ...d.problems],
  };
  return { kafka: model };
}

