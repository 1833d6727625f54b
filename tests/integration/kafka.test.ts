import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKafka, sessionKafkaReader, type KafkaReader } from '@/lib/kafka/read';
import type { KafkaModel } from '@/lib/shared/kafka';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { ZkSession } from '@/lib/zk/session';
import { MALFORMED_TOPICS, seedKafka, type KafkaWriter, type SeedKafkaOptions } from '@/scripts/lib/seed-kafka';
import { testConnectString, uniqueRoot } from '../helpers/zk';

/** Kafka layouts written by seedKafka into a real ZooKeeper, read back through a real session. */

const sessions: ZkSession[] = [];
function open(connectString: string): ZkSession {
  const s = new ZkSession({ id: `kafka-test-${sessions.length}`, name: 'kafka-test', connectString, sessionTimeoutMs: 10_000, readOnly: false });
  sessions.push(s);
  return s;
}

function writerFor(session: ZkSession): KafkaWriter {
  return {
    async create(path, data, mode) {
      try {
        await session.run((h) => h.create(path, Buffer.from(data), CREATE_FLAGS[mode]));
      } catch (e) {
        if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
      }
    },
  };
}

let base: string;
let writerSession: ZkSession;
let reader: KafkaReader;

async function seeded(name: string, options: SeedKafkaOptions = {}): Promise<KafkaModel> {
  const root = `${base}/${name}`;
  await seedKafka(writerFor(writerSession), { root, now: 1_700_000_000_000, ...options });
  const { kafka } = await readKafka(reader, root);
  expect(kafka).not.toBeNull();
  return kafka!;
}

const SMALL_TOPICS = [
  { name: 'orders', partitions: 3, replicationFactor: 3, config: { 'retention.ms': '604800000' } },
  { name: 'payments', partitions: 2, replicationFactor: 3 },
];

beforeAll(() => {
  base = uniqueRoot('kafka');
  writerSession = open(testConnectString());
  reader = sessionKafkaReader(open(testConnectString()));
});

afterAll(() => {
  for (const s of sessions) s.close();
});

describe('Kafka metadata read from a real ZooKeeper', () => {
  it('decodes a healthy Kafka 1.0 cluster', async () => {
    const k = await seeded('healthy', { clusterId: 'healthy-cluster' });
    expect(k.root).toBe(`${base}/healthy`);
    expect(k.clusterId).toBe('healthy-cluster');
    expect(k.controller).toEqual({ brokerId: 1, epoch: 1, since: 1_700_000_000_000 - 5 * 60_000, path: `${base}/healthy/controller` });
    expect(k.brokers.map((b) => `${b.id}@${b.host}:${b.port}`)).toEqual([
      '1@kafka-1.internal:9092',
      '2@kafka-2.internal:9092',
      '3@kafka-3.internal:9092',
    ]);
    expect(k.brokers[0].endpoints).toEqual([{ listener: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', host: 'kafka-1.internal', port: 9092 }]);
    expect(k.topics.map((t) => [t.name, t.partitionCount, t.replicationFactor])).toEqual([
      ['__consumer_offsets', 50, 3],
      ['audit-log', 1, 3],
      ['clickstream', 12, 2],
      ['orders', 6, 3],
      ['payments', 3, 3],
    ]);
    expect(k.topics.find((t) => t.name === '__consumer_offsets')!.config['cleanup.policy']).toBe('compact');
    for (const t of k.topics) {
      for (const p of t.partitions) {
        expect(p.leader).toBe(p.replicas[0]);
        expect(p.isr).toEqual(p.replicas);
      }
    }
    const { noController, ...lists } = k.health;
    expect(noController).toBe(false);
    for (const [name, list] of Object.entries(lists)) expect(list, name).toEqual([]);
    expect(k.problems).toEqual([]);
  });

  it('reports a broker that is down: missing registration, shrunk ISRs, moved leaders', async () => {
    const k = await seeded('broker-down', { topics: SMALL_TOPICS, brokerDown: [3] });
    expect(k.brokers.map((b) => b.id)).toEqual([1, 2]);
    expect(k.health.brokersDown).toEqual([3]);
    const all = k.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.id, p })));
    expect(all).toHaveLength(5);
    // Every partition has a replica on broker 3 (RF 3 of 3 brokers): all under-replicated, none offline.
    expect(k.health.underReplicatedPartitions).toHaveLength(5);
    expect(k.health.offlinePartitions).toEqual([]);
    for (const { p } of all) {
      expect(p.isr).not.toContain(3);
      expect(p.leader).not.toBe(3);
      expect(p.replicasDown).toEqual([3]);
    }
    const ledByOthers = all.filter(({ p }) => p.preferredLeader === 3).map(({ topic, partition }) => ({ topic, partition }));
    expect(ledByOthers.length).toBeGreaterThan(0);
    expect(k.health.preferredReplicaImbalance).toEqual(ledByOthers);
  });

  it('reports offline partitions: leader -1 and a leader that is not a live broker', async () => {
    const k = await seeded('offline', {
      topics: SMALL_TOPICS,
      offlinePartition: [
        { topic: 'orders', partition: 0 },
        { topic: 'payments', partition: 1, leader: 9 },
      ],
    });
    expect(k.health.offlinePartitions).toEqual([
      { topic: 'orders', partition: 0 },
      { topic: 'payments', partition: 1 },
    ]);
    const orders0 = k.topics[0].partitions[0];
    expect(orders0).toMatchObject({ leader: -1, offline: true, preferredLeaderImbalance: false });
    expect(k.topics[1].partitions[1]).toMatchObject({ leader: 9, isr: [9], offline: true });
    expect(k.health.brokersDown).toEqual([]);
    expect(k.problems).toEqual([]);
  });

  it('reports under-replicated partitions and topics pending deletion', async () => {
    const k = await seeded('under-replicated', {
      topics: SMALL_TOPICS,
      underReplicated: [
        { topic: 'orders', partition: 2 },
        { topic: 'payments', partition: 0 },
      ],
      pendingDeletion: ['payments'],
    });
    expect(k.health.underReplicatedPartitions).toEqual([
      { topic: 'orders', partition: 2 },
      { topic: 'payments', partition: 0 },
    ]);
    const p = k.topics[0].partitions[2];
    expect(p.isr).toEqual(p.replicas.slice(0, 2));
    expect(p.offline).toBe(false);
    expect(k.health.offlinePartitions).toEqual([]);
    expect(k.health.pendingDeletion).toEqual(['payments']);
    expect(k.topics.map((t) => [t.name, t.pendingDeletion])).toEqual([
      ['orders', false],
      ['payments', true],
    ]);
  });

  it('finds Kafka under a chroot, both as the root parameter and through a chrooted connection', async () => {
    const chroot = `${base}/chroot`;
    await seedKafka(writerFor(writerSession), { root: `${chroot}/kafka`, topics: SMALL_TOPICS, clusterId: 'chrooted' });
    const chrooted = sessionKafkaReader(open(`${testConnectString()}${chroot}`));
    expect(await readKafka(chrooted, '/')).toEqual({ kafka: null });
    const { kafka } = await readKafka(chrooted, '/kafka/');
    expect(kafka!.root).toBe('/kafka');
    expect(kafka!.clusterId).toBe('chrooted');
    expect(kafka!.topics[0].path).toBe('/kafka/brokers/topics/orders');
    expect(kafka!.topics[0].partitions[0].path).toBe('/kafka/brokers/topics/orders/partitions/0/state');
    expect(kafka!.brokers).toHaveLength(3);
  });

  it('shows malformed values as problems with their znode paths, never failing', async () => {
    const k = await seeded('malformed', { topics: SMALL_TOPICS, malformed: true });
    const root = `${base}/malformed`;
    const paths = k.problems.map((p) => p.path);
    expect(k.clusterId).toBeNull();
    expect(k.controller.epoch).toBeNull();
    expect(k.controller.brokerId).toBe(1);
    expect(paths).toEqual(
      expect.arrayContaining([
        `${root}/cluster/id`,
        `${root}/controller_epoch`,
        `${root}/brokers/ids/4`,
        `${root}/brokers/ids/not-a-broker`,
        `${root}/brokers/topics/${MALFORMED_TOPICS.truncatedAssignment}`,
        `${root}/brokers/topics/${MALFORMED_TOPICS.badState}/partitions/0/state`,
        `${root}/brokers/topics/${MALFORMED_TOPICS.badState}/partitions/1/state`,
        `${root}/config/topics/${MALFORMED_TOPICS.badState}`,
      ]),
    );
    expect(paths).toHaveLength(8);
    expect(k.brokers.find((b) => b.id === 4)).toMatchObject({ malformed: true, host: null });
    const topic = (name: string) => k.topics.find((t) => t.name === name)!;
    expect(topic(MALFORMED_TOPICS.truncatedAssignment)).toMatchObject({ malformed: true, partitions: [] });
    expect(topic(MALFORMED_TOPICS.badState).partitions.map((p) => [p.malformed, p.offline])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(topic(MALFORMED_TOPICS.futureVersion)).toMatchObject({ partitionCount: 1, partitions: [{ leader: 1, leaderEpoch: 3, offline: false }] });
    expect(topic(MALFORMED_TOPICS.futureVersion).malformed).toBeUndefined();
    expect(topic('orders').malformed).toBeUndefined();
  });

  it('sees ephemeral brokers vanish when their session ends', async () => {
    const brokerSession = open(testConnectString());
    const root = `${base}/ephemeral`;
    await seedKafka(writerFor(brokerSession), { root, topics: SMALL_TOPICS });
    expect((await readKafka(reader, root)).kafka!.brokers).toHaveLength(3);
    const stat = await writerSession.run((h) => h.exists(`${root}/brokers/ids/1`));
    expect(stat!.ephemeralOwner).not.toBe('0');
    brokerSession.close();
    // The server removes a closed session's ephemerals at once.
    await expect.poll(async () => (await readKafka(reader, root)).kafka!.brokers.length, { timeout: 10_000 }).toBe(0);
    const k = (await readKafka(reader, root)).kafka!;
    expect(k.health.brokersDown).toEqual([1, 2, 3]);
    expect(k.health.offlinePartitions).toHaveLength(5);
    expect(k.health.noController).toBe(true);
  });

  it('answers null where there is no Kafka and rejects an invalid root', async () => {
    await writerFor(writerSession).create(`${base}/empty`, '', 'persistent');
    expect(await readKafka(reader, `${base}/empty`)).toEqual({ kafka: null });
    expect(await readKafka(reader, `${base}/does-not-exist`)).toEqual({ kafka: null });
    await expect(readKafka(reader, 'kafka')).rejects.toMatchObject({ code: 'INVALID_PATH' });
  });
});
