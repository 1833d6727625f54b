import { describe, expect, it } from 'vitest';
import { HEALTHY } from '../helpers/kafka-health';
import { chartPoints, windowTicks, type EnsembleHistory } from '@/lib/client/ensemble';
import { formatNumber } from '@/lib/shared/units';
import { createTranslator } from 'next-intl';
import { kafkaFindingText, type LooseTranslator } from '@/lib/client/coded-messages';
import { filterTopics, kafkaVerdict, normalizeKafkaRoot, partitionList, type KafkaFinding } from '@/lib/client/kafka';
import kafkaEn from '@/messages/en/kafka.json';
import type { KafkaModel, KafkaPartition, KafkaTopic } from '@/lib/shared/kafka';

function partition(id: number, over: Partial<KafkaPartition> = {}): KafkaPartition {
  return {
    id,
    replicas: [1, 2],
    leader: 1,
    isr: [1, 2],
    leaderEpoch: 0,
    controllerEpoch: 1,
    offline: false,
    underReplicated: false,
    preferredLeader: 1,
    preferredLeaderImbalance: false,
    replicasDown: [],
    path: `/brokers/topics/t/partitions/${id}/state`,
    ...over,
  };
}

function topic(name: string, partitions: KafkaPartition[] = [partition(0)], over: Partial<KafkaTopic> = {}): KafkaTopic {
  return { name, partitionCount: partitions.length, replicationFactor: 2, partitions, config: {}, pendingDeletion: false, path: `/brokers/topics/${name}`, ...over };
}

function model(over: Partial<KafkaModel> = {}, health: Partial<KafkaModel['health']> = {}): KafkaModel {
  return {
    root: '/',
    clusterId: 'c',
    controller: { brokerId: 1, epoch: 1, since: 0, path: '/controller' },
    brokers: [{ id: 1, host: 'h', port: 9092, endpoints: [], rack: null, since: 0, jmxPort: null, version: 4, path: '/brokers/ids/1' }],
    topics: [topic('orders')],
    health: { ...HEALTHY, ...health },
    problems: [],
    ...over,
  };
}

const t = createTranslator({ locale: 'en', messages: { kafka: kafkaEn }, namespace: 'kafka', onError: (e) => { throw e; } }) as unknown as LooseTranslator;
/** A finding as the English page reads it. */
const english = (f: KafkaFinding) => ({ severity: f.severity, message: kafkaFindingText(t, f) });

describe('Kafka verdict', () => {
  it('is green for a healthy cluster, with nothing to say', () => {
    expect(kafkaVerdict(model())).toEqual({ status: 'green', findings: [] });
  });

  it('is red for offline partitions or a missing controller, naming them', () => {
    const offline = kafkaVerdict(model({}, { offlinePartitions: [{ topic: 'orders', partition: 3 }] }));
    expect(offline.status).toBe('red');
    expect(english(offline.findings[0])).toEqual({ severity: 'error', message: '1 partition is offline (no live leader): orders-3' });
    expect(kafkaVerdict(model({}, { noController: true })).status).toBe('red');
    expect(kafkaVerdict(model({ brokers: [] })).status).toBe('red');
  });

  it('is amber for a broker down, under-replication, imbalance, pending deletion or undecodable values', () => {
    expect(kafkaVerdict(model({}, { brokersDown: [3] })).findings.map(english)).toEqual([
      { severity: 'warning', message: 'Broker 3 is down: replicas are assigned to it but it is not registered' },
    ]);
    expect(kafkaVerdict(model({}, { underReplicatedPartitions: [{ topic: 'a', partition: 0 }] })).status).toBe('amber');
    expect(kafkaVerdict(model({}, { preferredReplicaImbalance: [{ topic: 'a', partition: 0 }] })).status).toBe('amber');
    expect(kafkaVerdict(model({}, { pendingDeletion: ['old'] })).status).toBe('amber');
    expect(kafkaVerdict(model({ problems: [{ path: '/cluster/id', code: 'notJson', message: 'Not valid JSON' }] })).status).toBe('amber');
  });

  it('reports a reassignment in progress without changing the verdict', () => {
    const v = kafkaVerdict(model({}, { reassignmentsInProgress: [{ topic: 'a', partition: 1, replicas: [1, 2] }] }));
    expect(v.status).toBe('green');
    expect(v.findings.map(english)).toEqual([{ severity: 'info', message: '1 partition reassignment in progress: a-1' }]);
  });

  it('names a few partitions and counts the rest', () => {
    const refs = Array.from({ length: 8 }, (_, i) => ({ topic: 't', partition: i }));
    expect(partitionList(refs)).toEqual({ count: 8, named: 't-0, t-1, t-2, t-3, t-4', more: 3 });
    expect(kafkaFindingText(t, { severity: 'warning', code: 'underReplicated', values: partitionList(refs) })).toBe(
      '8 partitions are under-replicated: t-0, t-1, t-2, t-3, t-4 and 3 more',
    );
  });
});

describe('topic filter', () => {
  const topics = [topic('orders'), topic('payments', [partition(0, { underReplicated: true })]), topic('Orders-DLQ'), topic('old', undefined, { pendingDeletion: true })];

  it('matches names case-insensitively, ignoring surrounding blanks', () => {
    expect(filterTopics(topics, ' order ', false).map((t) => t.name)).toEqual(['orders', 'Orders-DLQ']);
    expect(filterTopics(topics, '', false)).toHaveLength(4);
  });

  it('keeps only topics with a problem on request', () => {
    expect(filterTopics(topics, '', true).map((t) => t.name)).toEqual(['payments', 'old']);
  });
});

describe('Kafka root from the URL', () => {
  it('defaults to / and drops trailing slashes', () => {
    expect(normalizeKafkaRoot(undefined)).toBe('/');
    expect(normalizeKafkaRoot('  ')).toBe('/');
    expect(normalizeKafkaRoot('/kafka/')).toBe('/kafka');
    expect(normalizeKafkaRoot('kafka')).toBe('/kafka');
    expect(normalizeKafkaRoot('///')).toBe('/');
  });

  it('leaves other mistakes for the server to name', () => {
    expect(normalizeKafkaRoot('/a//b')).toBe('/a//b');
  });
});

describe('ensemble charts', () => {
  const sample = (address: string, reachable: boolean, znodes: number | null) => ({
    address,
    reachable,
    mode: 'follower' as const,
    latencyAvg: 1.5,
    latencyMax: 3,
    outstanding: 0,
    connections: 2,
    znodes,
    watches: 0,
  });
  const history: EnsembleHistory = {
    intervalMs: 5000,
    windowMs: 900_000,
    servers: ['10.0.0.1:2181', '10.0.0.2:2181'],
    samples: [
      { t: 1000, status: 'green', servers: [sample('10.0.0.1:2181', true, 10), sample('10.0.0.2:2181', true, 11)] },
      { t: 6000, status: 'amber', servers: [sample('10.0.0.1:2181', true, 12), sample('10.0.0.2:2181', false, null)] },
      { t: 11000, status: null, error: 'probe failed', servers: [] },
    ],
  };

  it('gives each server an index key and leaves gaps where it was down or not sampled', () => {
    expect(chartPoints(history, 'znodes')).toEqual([
      { t: 1000, s0: 10, s1: 11 },
      { t: 6000, s0: 12, s1: null },
      { t: 11000, s0: null, s1: null },
    ]);
  });

  it('puts axis ticks on the round five minutes inside the window', () => {
    const end = Date.UTC(2026, 0, 1, 14, 12, 30);
    expect(windowTicks(end, 15 * 60_000).map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['14:00', '14:05', '14:10']);
  });

  it('prints figures with at most two decimals', () => {
    expect(formatNumber(18.0394)).toMatch(/^18[.,]04$/);
    expect(formatNumber(3)).toBe('3');
  });
});
