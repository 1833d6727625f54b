/**
 * The Kafka view's data: the cluster metadata decoded under a chroot. Watch events refresh it
 * (components/kafka/use-kafka-live.ts); polling is the fallback for what is not watched.
 */
import { queryOptions } from '@tanstack/react-query';
import type { KafkaModel, KafkaResult, KafkaRootsResponse, KafkaTopic, TopicPartitionRef } from '@/lib/shared/kafka';
import { connectionUrl, isApiError, requestJson } from './api-client';
import { kafkaKeys } from './query-keys';

export const KAFKA_POLL_MS = 15_000;

export function kafkaQuery(connection: string, root: string) {
  return queryOptions({
    queryKey: kafkaKeys.model(connection, root),
    queryFn: ({ signal }) => requestJson<KafkaResult>(connectionUrl(connection, 'kafka', { root }), { signal }),
    // A root the server rejects stays rejected: stop asking until the operator enters another.
    refetchInterval: (query) => (isApiError(query.state.error, 'INVALID_PATH') ? false : KAFKA_POLL_MS),
    staleTime: 0,
  });
}

/** Kafka chroots on the connection: a bounded scan on the server, asked once per visit of the page. */
export function kafkaRootsQuery(connection: string) {
  return queryOptions({
    queryKey: kafkaKeys.roots(connection),
    queryFn: ({ signal }) => requestJson<KafkaRootsResponse>(connectionUrl(connection, 'kafka/roots'), { signal }),
    staleTime: 60_000,
  });
}

/** The `?root=` value as the view uses it: "/" when absent or blank, without a trailing slash. */
export function normalizeKafkaRoot(value: string | null | undefined): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed || trimmed === '/') return '/';
  const withSlash = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return withSlash.replace(/\/+$/, '') || '/';
}

export type KafkaStatus = 'green' | 'amber' | 'red';

export type KafkaFindingCode =
  | 'noBrokers'
  | 'noController'
  | 'offline'
  | 'brokerDown'
  | 'underReplicated'
  | 'imbalance'
  | 'pendingDeletion'
  | 'undecodable'
  | 'reassignments';

/** One finding of the verdict, by code with its arguments (the `kafka` catalog's `findings.*`). */
export interface KafkaFinding {
  severity: 'error' | 'warning' | 'info';
  code: KafkaFindingCode;
  values?: Record<string, string | number>;
}

const SHOWN_REFS = 5;

/** Kafka's topic-partition notation, a few named and the rest counted ("orders-0, orders-3" and 4 more). */
export function partitionList(refs: readonly TopicPartitionRef[]): { count: number; named: string; more: number } {
  const named = refs.slice(0, SHOWN_REFS).map((r) => `${r.topic}-${r.partition}`);
  return { count: refs.length, named: named.join(', '), more: Math.max(0, refs.length - SHOWN_REFS) };
}

/**
 * The cluster's verdict from its metadata. Red: partitions without a live leader, no controller or
 * no broker at all. Amber: under-replicated partitions, brokers down, leaders off their preferred
 * replica, topics stuck in deletion, values that cannot be decoded. Green otherwise.
 */
export function kafkaVerdict(model: KafkaModel): { status: KafkaStatus; findings: KafkaFinding[] } {
  const h = model.health;
  const findings: KafkaFinding[] = [];
  if (model.brokers.length === 0) findings.push({ severity: 'error', code: 'noBrokers' });
  if (h.noController) findings.push({ severity: 'error', code: 'noController' });
  if (h.offlinePartitions.length) findings.push({ severity: 'error', code: 'offline', values: partitionList(h.offlinePartitions) });
  for (const id of h.brokersDown) findings.push({ severity: 'warning', code: 'brokerDown', values: { id } });
  if (h.underReplicatedPartitions.length) {
    findings.push({ severity: 'warning', code: 'underReplicated', values: partitionList(h.underReplicatedPartitions) });
  }
  if (h.preferredReplicaImbalance.length) {
    findings.push({ severity: 'warning', code: 'imbalance', values: partitionList(h.preferredReplicaImbalance) });
  }
  if (h.pendingDeletion.length) findings.push({ severity: 'warning', code: 'pendingDeletion', values: { topics: h.pendingDeletion.join(', ') } });
  if (model.problems.length) findings.push({ severity: 'warning', code: 'undecodable', values: { count: model.problems.length } });
  if (h.reassignmentsInProgress.length) {
    findings.push({ severity: 'info', code: 'reassignments', values: partitionList(h.reassignmentsInProgress) });
  }
  const status = findings.some((f) => f.severity === 'error') ? 'red' : findings.some((f) => f.severity === 'warning') ? 'amber' : 'green';
  return { status, findings };
}

export interface TopicIssues {
  offline: number;
  underReplicated: number;
  imbalanced: number;
}

export function topicIssues(topic: KafkaTopic): TopicIssues {
  let offline = 0;
  let underReplicated = 0;
  let imbalanced = 0;
  for (const p of topic.partitions) {
    if (p.offline) offline++;
    if (p.underReplicated) underReplicated++;
    if (p.preferredLeaderImbalance) imbalanced++;
  }
  return { offline, underReplicated, imbalanced };
}

export function hasIssues(topic: KafkaTopic): boolean {
  const i = topicIssues(topic);
  return i.offline + i.underReplicated + i.imbalanced > 0 || topic.pendingDeletion || Boolean(topic.malformed);
}

/** Topics whose name contains `text` (case-insensitive), optionally only those with a problem. */
export function filterTopics(topics: readonly KafkaTopic[], text: string, onlyProblems: boolean): KafkaTopic[] {
  const needle = text.trim().toLowerCase();
  return topics.filter((t) => (!needle || t.name.toLowerCase().includes(needle)) && (!onlyProblems || hasIssues(t)));
}
