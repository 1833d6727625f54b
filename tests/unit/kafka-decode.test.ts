import { describe, expect, it } from 'vitest';
import { HEALTHY } from '../helpers/kafka-health';
import { decodeKafka } from '@/lib/kafka/decode';
import type { KafkaSnapshot, SnapshotNode } from '@/lib/kafka/snapshot';

const node = (v: unknown, ctime = 1_000): SnapshotNode => ({ data: typeof v === 'string' ? v : JSON.stringify(v), stat: { ctime } });

const brokerJson = (id: number, extra: Record<string, unknown> = {}) => ({
  listener_security_protocol_map: { PLAINTEXT: 'PLAINTEXT' },
  endpoints: [`PLAINTEXT://kafka-${id}:9092`],
  jmx_port: -1,
  host: `kafka-${id}`,
  timestamp: String(1_700_000_000_000 + id),
  port: 9092,
  version: 4,
  ...extra,
});

const state = (leader: unknown, isr: unknown, extra: Record<string, unknown> = {}) =>
  node({ controller_epoch: 2, leader, version: 1, leader_epoch: 0, isr, ...extra });

function snapshot(overrides: Partial<KafkaSnapshot> = {}): KafkaSnapshot {
  return {
    root: '/',
    hasBrokers: true,
    clusterId: node({ version: '1', id: 'c-123' }),
    controller: node({ version: 1, brokerid: 2, timestamp: '1700000000999' }),
    controllerEpoch: node('7'),
    brokers: [1, 2, 3].map((id) => ({ name: String(id), node: node(brokerJson(id)) })),
    topics: [
      {
        name: 'orders',
        assignment: node({ version: 1, partitions: { '1': [2, 3, 1], '0': [1, 2, 3] } }),
        partitions: [
          { name: '0', state: state(1, [1, 2, 3]) },
          { name: '1', state: state(2, [2, 3, 1]) },
        ],
      },
    ],
    topicConfigs: [{ name: 'orders', node: node({ version: 1, config: { 'retention.ms': '1000', 'segment.bytes': 1024 } }) }],
    pendingDeletion: [],
    ...overrides,
  };
}

describe('decodeKafka', () => {
  it('returns null without /brokers', () => {
    expect(decodeKafka({ ...snapshot(), hasBrokers: false })).toEqual({ kafka: null });
  });

  it('decodes a healthy cluster', () => {
    const { kafka } = decodeKafka(snapshot());
    expect(kafka).not.toBeNull();
    expect(kafka!.clusterId).toBe('c-123');
    expect(kafka!.controller).toEqual({ brokerId: 2, epoch: 7, since: 1700000000999, path: '/controller' });
    expect(kafka!.brokers).toHaveLength(3);
    expect(kafka!.brokers[0]).toEqual({
      id: 1,
      host: 'kafka-1',
      port: 9092,
      endpoints: [{ listener: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', host: 'kafka-1', port: 9092 }],
      rack: null,
      since: 1700000000001,
      jmxPort: null,
      version: 4,
      path: '/brokers/ids/1',
    });
    const [orders] = kafka!.topics;
    expect(orders).toMatchObject({ name: 'orders', partitionCount: 2, replicationFactor: 3, pendingDeletion: false, path: '/brokers/topics/orders' });
    expect(orders.config).toEqual({ 'retention.ms': '1000', 'segment.bytes': '1024' });
    expect(orders.partitions.map((p) => p.id)).toEqual([0, 1]);
    expect(orders.partitions[1]).toEqual({
      id: 1,
      replicas: [2, 3, 1],
      leader: 2,
      isr: [2, 3, 1],
      leaderEpoch: 0,
      controllerEpoch: 2,
      offline: false,
      underReplicated: false,
      preferredLeader: 2,
      preferredLeaderImbalance: false,
      replicasDown: [],
      path: '/brokers/topics/orders/partitions/1/state',
    });
    expect(kafka!.health).toEqual(HEALTHY);
    expect(kafka!.problems).toEqual([]);
  });

  it('finds offline, under-replicated and imbalanced partitions and brokers down', () => {
    const s = snapshot({
      brokers: [1, 2].map((id) => ({ name: String(id), node: node(brokerJson(id)) })),
      topics: [
        {
          name: 't',
          assignment: node({ version: 1, partitions: { '0': [1, 2, 3], '1': [3, 1, 2], '2': [2, 3, 1], '3': [3, 4, 1] } }),
          partitions: [
            { name: '0', state: state(-1, [1]) },
            { name: '1', state: state(1, [1, 2]) },
            { name: '2', state: state(3, [3, 1, 2]) },
            { name: '3', state: state(1, [1, 3, 4]) },
          ],
        },
      ],
      topicConfigs: [],
      pendingDeletion: ['t', 'gone'],
    });
    const { kafka } = decodeKafka(s);
    const h = kafka!.health;
    expect(h.offlinePartitions).toEqual([
      { topic: 't', partition: 0 },
      { topic: 't', partition: 2 },
    ]);
    expect(h.underReplicatedPartitions).toEqual([
      { topic: 't', partition: 0 },
      { topic: 't', partition: 1 },
    ]);
    expect(h.preferredReplicaImbalance).toEqual([
      { topic: 't', partition: 1 },
      { topic: 't', partition: 3 },
    ]);
    expect(h.brokersDown).toEqual([3, 4]);
    expect(h.pendingDeletion).toEqual(['gone', 't']);
    expect(kafka!.topics[0].pendingDeletion).toBe(true);
    expect(kafka!.topics[0].partitions[3].replicasDown).toEqual([3, 4]);
    expect(kafka!.problems).toEqual([]);
  });

  it('records malformed values with their paths and never throws', () => {
    const s = snapshot({
      root: '/kafka',
      clusterId: node('not json'),
      controller: node({ version: 1, timestamp: 'soon' }),
      controllerEpoch: node('abc'),
      brokers: [
        { name: '1', node: node(brokerJson(1)) },
        { name: '2', node: node('garbage') },
        { name: 'x', node: node(brokerJson(9)) },
        { name: '3', node: node([1, 2]) },
        { name: '4', node: null },
      ],
      topics: [
        { name: 'broken', assignment: node('{"version":1,"partitions":{"0":[1,2'), partitions: [{ name: '0', state: state(1, [1]) }] },
        { name: 'bad-replicas', assignment: node({ version: 1, partitions: { '0': 'one', '1': [1] } }), partitions: [] },
        {
          name: 'bad-state',
          assignment: node({ version: 1, partitions: { '0': [1], '1': [1], '2': [1] } }),
          partitions: [
            { name: '0', state: state('one', [1]) },
            { name: '1', state: node('leader=1') },
            { name: 'p', state: null },
          ],
        },
        { name: 'vanished', assignment: null, partitions: [] },
      ],
      topicConfigs: [
        { name: 'bad-state', node: node('retention.ms=1000') },
        { name: 'bad-replicas', node: node({ version: 1, config: 'x' }) },
      ],
    });
    const { kafka } = decodeKafka(s);
    expect(kafka).not.toBeNull();
    const m = kafka!;
    expect(m.clusterId).toBeNull();
    expect(m.controller).toMatchObject({ brokerId: null, epoch: null, since: 1000, path: '/kafka/controller' });
    expect(m.health.noController).toBe(true);
    expect(m.brokers.map((b) => [b.id, b.malformed ?? false])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    const broken = m.topics.find((t) => t.name === 'broken')!;
    expect(broken.malformed).toBe(true);
    expect(broken.partitions).toMatchObject([{ id: 0, replicas: [], leader: 1 }]);
    const badReplicas = m.topics.find((t) => t.name === 'bad-replicas')!;
    expect(badReplicas.malformed).toBe(true);
    expect(badReplicas.partitions.map((p) => p.id)).toEqual([1]);
    const badState = m.topics.find((t) => t.name === 'bad-state')!;
    expect(badState.malformed).toBe(true);
    expect(badState.partitions.map((p) => [p.id, p.malformed ?? false, p.offline, p.leader])).toEqual([
      [0, true, true, null],
      [1, true, true, null],
      [2, false, true, null],
    ]);
    expect(m.topics.some((t) => t.name === 'vanished')).toBe(false);
    // A partition without a state znode has no leader yet: offline.
    expect(m.health.offlinePartitions).toEqual([
      { topic: 'bad-replicas', partition: 1 },
      { topic: 'bad-state', partition: 0 },
      { topic: 'bad-state', partition: 1 },
      { topic: 'bad-state', partition: 2 },
    ]);

    const byPath = (p: string) => m.problems.filter((x) => x.path === p).map((x) => x.message);
    expect(byPath('/kafka/cluster/id')[0]).toMatch(/^Not valid JSON/);
    expect(byPath('/kafka/controller')).toEqual(['No integer "brokerid" in the controller registration']);
    expect(byPath('/kafka/controller_epoch')).toEqual(['Not an integer: "abc"']);
    expect(byPath('/kafka/brokers/ids/2')[0]).toMatch(/^Not valid JSON/);
    expect(byPath('/kafka/brokers/ids/x')).toEqual(['Broker id is not an integer']);
    expect(byPath('/kafka/brokers/ids/3')).toEqual(['Expected a JSON object, found an array']);
    expect(byPath('/kafka/brokers/topics/broken')[0]).toMatch(/^Not valid JSON/);
    expect(byPath('/kafka/brokers/topics/bad-replicas')[0]).toMatch(/Partition "0" has an invalid replica list "one"/);
    expect(byPath('/kafka/brokers/topics/bad-state/partitions/0/state')).toEqual(['Partition state lacks an integer "leader"']);
    expect(byPath('/kafka/brokers/topics/bad-state/partitions/1/state')[0]).toMatch(/^Not valid JSON/);
    expect(byPath('/kafka/brokers/topics/bad-state/partitions/p')).toEqual(['Partition id is not an integer']);
    expect(byPath('/kafka/config/topics/bad-state')[0]).toMatch(/^Not valid JSON/);
    expect(byPath('/kafka/config/topics/bad-replicas')).toEqual(['"config" is not an object']);
  });

  it('tolerates unknown versions, missing optional fields and other listeners', () => {
    const s = snapshot({
      brokers: [
        {
          name: '1',
          node: node({
            version: 5,
            host: null,
            port: -1,
            endpoints: ['INTERNAL://[fe80::1]:9093', 'EXTERNAL://broker.example.com:9094', 'bogus'],
            listener_security_protocol_map: { INTERNAL: 'SSL', EXTERNAL: 'SASL_SSL' },
            rack: 'eu-west-1a',
            jmx_port: 9999,
            features: {},
          }),
        },
        { name: '2', node: node({ version: 1, host: 'old', port: 9092 }, 5_000) },
      ],
      topics: [
        {
          name: 'future',
          assignment: node({ version: 3, topic_id: 'abc', partitions: { '0': [1, 2] }, adding_replicas: {}, removing_replicas: {} }),
          partitions: [{ name: '0', state: node({ leader: 1, isr: [1, 2], version: 9, leader_recovery_state: 0 }) }],
        },
      ],
      topicConfigs: [{ name: 'future', node: node({ version: 2 }) }],
      clusterId: null,
      controller: null,
      controllerEpoch: null,
      reassignPartitions: node({ version: 1, partitions: [{ topic: 'future', partition: 0, replicas: [2, 1] }, { topic: 7 }] }),
    });
    const m = decodeKafka(s).kafka!;
    expect(m.clusterId).toBeNull();
    expect(m.controller).toEqual({ brokerId: null, epoch: null, since: null, path: '/controller' });
    expect(m.brokers[0]).toMatchObject({
      id: 1,
      host: 'fe80::1',
      port: 9093,
      rack: 'eu-west-1a',
      jmxPort: 9999,
      version: 5,
      endpoints: [
        { listener: 'INTERNAL', securityProtocol: 'SSL', host: 'fe80::1', port: 9093 },
        { listener: 'EXTERNAL', securityProtocol: 'SASL_SSL', host: 'broker.example.com', port: 9094 },
      ],
    });
    expect(m.brokers[1]).toMatchObject({ id: 2, host: 'old', port: 9092, endpoints: [], since: 5_000, version: 1 });
    expect(m.topics[0]).toMatchObject({ name: 'future', config: {}, partitionCount: 1, replicationFactor: 2 });
    expect(m.topics[0].partitions[0]).toMatchObject({ leader: 1, isr: [1, 2], leaderEpoch: null, offline: false });
    expect(m.health.reassignmentsInProgress).toEqual([{ topic: 'future', partition: 0, replicas: [2, 1] }]);
    expect(m.problems).toEqual([
      { path: '/brokers/ids/1', code: 'badEndpoint', params: { endpoint: '"bogus"' }, message: 'Unrecognised endpoint "bogus"' },
      { path: '/admin/reassign_partitions', code: 'badReassignment', params: { entry: '{"topic":7}' }, message: 'Invalid reassignment entry {"topic":7}' },
    ]);
  });

  it('keeps problems met while reading', () => {
    const m = decodeKafka(snapshot({ problems: [{ path: '/brokers/ids/9', code: 'cannotRead', message: 'Cannot read: no auth' }] })).kafka!;
    expect(m.problems).toEqual([{ path: '/brokers/ids/9', code: 'cannotRead', message: 'Cannot read: no auth' }]);
  });
});
