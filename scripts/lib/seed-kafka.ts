/**
 * Writes the znodes a ZooKeeper-mode Kafka 1.0 cluster keeps (see docs/operations.md), so the
 * Kafka view has something real to decode: for the demo namespace and for the integration tests.
 * Healthy by default; options break it the ways real clusters break. Idempotent: existing nodes
 * are left as they are.
 */
import { ancestors, joinPath } from '@/lib/shared/path';

export interface KafkaWriter {
  /** Creates a node; must succeed silently when it already exists. */
  create(path: string, data: Buffer | string, mode: 'persistent' | 'ephemeral'): Promise<void>;
}

export interface SeedTopic {
  name: string;
  partitions: number;
  /** Capped at the broker count. Default 3. */
  replicationFactor?: number;
  /** Overrides written to /config/topics/NAME. */
  config?: Record<string, string>;
}

export interface PartitionRef {
  topic: string;
  partition: number;
}

export interface SeedKafkaOptions {
  /** "/" or a chroot such as "/kafka". Default "/". */
  root?: string;
  clusterId?: string;
  /** Broker ids 1..N. Default 3. */
  brokers?: number;
  topics?: SeedTopic[];
  /** Brokers that are assigned replicas but not registered: their replicas leave the ISR and lose leadership. */
  brokerDown?: number[];
  /** Partitions without a live leader: leader -1 (default) or the given id of an unregistered broker. */
  offlinePartition?: Array<PartitionRef & { leader?: number }>;
  /** Partitions whose last replica dropped out of the ISR. */
  underReplicated?: PartitionRef[];
  /** Topics marked for deletion under /admin/delete_topics. */
  pendingDeletion?: string[];
  /** Adds values real clusters sometimes hold and decoders must survive (see MALFORMED_TOPICS). */
  malformed?: boolean;
  /** Register brokers and the controller as ephemeral nodes, as Kafka does. Default true. */
  ephemeral?: boolean;
  /** Time the registrations claim, ms since the epoch. Default now. */
  now?: number;
}

export const DEFAULT_TOPICS: readonly SeedTopic[] = [
  {
    name: '__consumer_offsets',
    partitions: 50,
    replicationFactor: 3,
    config: { 'segment.bytes': '104857600', 'cleanup.policy': 'compact', 'compression.type': 'producer' },
  },
  { name: 'orders', partitions: 6, replicationFactor: 3, config: { 'retention.ms': '604800000', 'min.insync.replicas': '2' } },
  { name: 'payments', partitions: 3, replicationFactor: 3, config: { 'min.insync.replicas': '2', 'unclean.leader.election.enable': 'false' } },
  { name: 'clickstream', partitions: 12, replicationFactor: 2, config: { 'retention.ms': '86400000', 'compression.type': 'lz4' } },
  { name: 'audit-log', partitions: 1, replicationFactor: 3, config: { 'cleanup.policy': 'compact' } },
];

/**
 * What `malformed: true` adds: /cluster/id and /controller_epoch that are not what they should be,
 * a broker N+1 registered as "garbage", a /brokers/ids child "not-a-broker", and these topics.
 */
export const MALFORMED_TOPICS = {
  /** Assignment JSON cut short. */
  truncatedAssignment: 'broken-json',
  /** Partition 0's state has a non-integer leader, partition 1's is not JSON; the config is a properties text. */
  badState: 'bad-state',
  /** An assignment version and fields from the future: decodes fine. */
  futureVersion: 'future-version',
};

const json = (v: unknown) => JSON.stringify(v);

/** Kafka's replica placement, simplified: consecutive brokers from a per-topic start offset. */
function assign(topic: string, partitions: number, rf: number, brokerIds: number[]): number[][] {
  let start = 0;
  for (const c of topic) start = (start * 31 + c.charCodeAt(0)) % brokerIds.length;
  return Array.from({ length: partitions }, (_, p) =>
    Array.from({ length: Math.min(rf, brokerIds.length) }, (_, r) => brokerIds[(start + p + r) % brokerIds.length]),
  );
}

export async function seedKafka(writer: KafkaWriter, options: SeedKafkaOptions = {}): Promise<void> {
  const root = options.root ?? '/';
  const at = (rel: string) => joinPath(root, rel);
  const now = options.now ?? Date.now();
  const brokerIds = Array.from({ length: options.brokers ?? 3 }, (_, i) => i + 1);
  const down = new Set(options.brokerDown ?? []);
  const live = brokerIds.filter((id) => !down.has(id));
  const ephemeral = options.ephemeral === false ? 'persistent' : 'ephemeral';
  const controllerEpoch = 1 + down.size;
  const put = (rel: string, data: Buffer | string = '', mode: 'persistent' | 'ephemeral' = 'persistent') => writer.create(at(rel), data, mode);

  for (const p of ancestors(root)) if (p !== '/') await writer.create(p, '', 'persistent');

  for (const dir of ['cluster', 'brokers', 'brokers/ids', 'brokers/topics', 'brokers/seqid', 'config', 'config/changes', 'config/topics',
    'config/clients', 'config/users', 'config/brokers', 'admin', 'admin/delete_topics', 'consumers', 'isr_change_notification',
    'log_dir_event_notification']) {
    await put(dir);
  }
  await put('cluster/id', options.malformed ? 'not-json-cluster-id' : json({ version: '1', id: options.clusterId ?? 'ZkKafkaSeedCluster01' }));
  await put('latest_producer_id_block', json({ version: 1, broker: live[0] ?? 1, block_start: '0', block_end: '999' }));
  await put('controller_epoch', options.malformed ? 'abc' : String(controllerEpoch));
  if (live.length) await put('controller', json({ version: 1, brokerid: live[0], timestamp: String(now - 5 * 60_000) }), ephemeral);

  for (const id of live) {
    const host = `kafka-${id}.internal`;
    await put(
      `brokers/ids/${id}`,
      json({
        listener_security_protocol_map: { PLAINTEXT: 'PLAINTEXT' },
        endpoints: [`PLAINTEXT://${host}:9092`],
        jmx_port: -1,
        host,
        timestamp: String(now - (10 - id) * 60_000),
        port: 9092,
        version: 4,
      }),
      ephemeral,
    );
  }

  const offline = new Map((options.offlinePartition ?? []).map((o) => [`${o.topic}/${o.partition}`, o.leader ?? -1]));
  const under = new Set((options.underReplicated ?? []).map((u) => `${u.topic}/${u.partition}`));
  const topics = [...(options.topics ?? DEFAULT_TOPICS)];

  for (const t of topics) {
    const replicas = assign(t.name, t.partitions, t.replicationFactor ?? 3, brokerIds);
    await put(`brokers/topics/${t.name}`, json({ version: 1, partitions: Object.fromEntries(replicas.map((r, p) => [String(p), r])) }));
    await put(`brokers/topics/${t.name}/partitions`);
    await Promise.all(
      replicas.map(async (r, p) => {
        let isr = r.filter((id) => !down.has(id));
        let leader = isr[0] ?? -1;
        // Kafka keeps the last leader in the ISR when no replica is left to take over.
        if (leader === -1) isr = [r[0]];
        const key = `${t.name}/${p}`;
        if (offline.has(key)) {
          leader = offline.get(key)!;
          isr = leader === -1 ? [r[0]] : [leader];
        } else if (under.has(key) && isr.length > 1) {
          isr = isr.slice(0, -1);
        }
        const leaderEpoch = leader === r[0] ? 0 : 1;
        await put(`brokers/topics/${t.name}/partitions/${p}`);
        await put(
          `brokers/topics/${t.name}/partitions/${p}/state`,
          json({ controller_epoch: controllerEpoch, leader, version: 1, leader_epoch: leaderEpoch, isr }),
        );
      }),
    );
    if (t.config) await put(`config/topics/${t.name}`, json({ version: 1, config: t.config }));
  }
  for (const name of options.pendingDeletion ?? []) await put(`admin/delete_topics/${name}`);

  if (options.malformed) await seedMalformed(put, brokerIds);
}

async function seedMalformed(put: (rel: string, data?: string) => Promise<void>, brokerIds: number[]): Promise<void> {
  const { truncatedAssignment, badState, futureVersion } = MALFORMED_TOPICS;
  const b = brokerIds[0] ?? 1;
  // A registration that is not JSON (the broker still counts as live) and a child that is no id.
  await put(`brokers/ids/${brokerIds.length + 1}`, 'garbage');
  await put('brokers/ids/not-a-broker', json({ version: 4 }));
  await put(`brokers/topics/${truncatedAssignment}`, '{"version":1,"partitions":{"0":[1,2');
  await put(`brokers/topics/${badState}`, json({ version: 1, partitions: { '0': [b], '1': [b] } }));
  await put(`brokers/topics/${badState}/partitions`);
  await put(`brokers/topics/${badState}/partitions/0`);
  await put(`brokers/topics/${badState}/partitions/0/state`, json({ controller_epoch: 1, leader: 'one', version: 1, leader_epoch: 0, isr: [b] }));
  await put(`brokers/topics/${badState}/partitions/1`);
  await put(`brokers/topics/${badState}/partitions/1/state`, 'leader=1');
  await put(`config/topics/${badState}`, 'retention.ms=1000');
  await put(
    `brokers/topics/${futureVersion}`,
    json({ version: 99, topic_id: 'kOSdTXuxSAGyOOGmH5GHFw', partitions: { '0': [b] }, adding_replicas: {}, removing_replicas: {} }),
  );
  await put(`brokers/topics/${futureVersion}/partitions`);
  await put(`brokers/topics/${futureVersion}/partitions/0`);
  await put(
    `brokers/topics/${futureVersion}/partitions/0/state`,
    json({ controller_epoch: 1, leader: b, version: 7, leader_epoch: 3, isr: [b], leader_recovery_state: 0, partition_epoch: 12 }),
  );
}
