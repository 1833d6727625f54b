/**
 * What the Kafka view shows: ZooKeeper-mode Kafka's cluster metadata, decoded from its znodes.
 * Pure types, shared by the server (lib/kafka/decode.ts) and the browser. Every `path` is the raw
 * znode the value came from, for links into the explorer.
 */

export interface KafkaEndpoint {
  /** Listener name, e.g. "PLAINTEXT" or "INTERNAL". */
  listener: string;
  /** From listener_security_protocol_map; the listener name when the map lacks it. */
  securityProtocol: string;
  host: string;
  port: number;
}

export interface KafkaBroker {
  id: number;
  /** The advertised host/port of the broker ("host"/"port", else the first endpoint). */
  host: string | null;
  port: number | null;
  endpoints: KafkaEndpoint[];
  rack: string | null;
  /** Registration time, ms since the epoch (the "timestamp" field, else the znode's ctime). */
  since: number | null;
  jmxPort: number | null;
  /** Registration JSON version (Kafka 1.0 writes 4). */
  version: number | null;
  path: string;
  /** The registration could not be decoded; the broker is still counted as live. */
  malformed?: boolean;
}

export interface KafkaPartition {
  id: number;
  /** Assigned replicas, preferred leader first. */
  replicas: number[];
  /** -1 when no leader; null when the state znode is missing or unreadable. */
  leader: number | null;
  isr: number[];
  leaderEpoch: number | null;
  controllerEpoch: number | null;
  /** No leader, or a leader that is not a registered broker. */
  offline: boolean;
  /** Fewer in-sync replicas than assigned replicas. */
  underReplicated: boolean;
  preferredLeader: number | null;
  /** Online but led by another replica than the preferred one. */
  preferredLeaderImbalance: boolean;
  /** Replicas that are not registered brokers. */
  replicasDown: number[];
  /** The partitions/N/state znode. */
  path: string;
  malformed?: boolean;
}

export interface KafkaTopic {
  name: string;
  partitionCount: number;
  /** Replicas of the first partition (Kafka assigns the same count to every partition). */
  replicationFactor: number;
  partitions: KafkaPartition[];
  /** Overrides from /config/topics/NAME. */
  config: Record<string, string>;
  pendingDeletion: boolean;
  /** Assignment or config JSON could not be decoded. */
  malformed?: boolean;
  path: string;
}

export interface KafkaController {
  /** -1 or null when /controller is missing or unreadable. */
  brokerId: number | null;
  /** /controller_epoch: how many times the controller changed. */
  epoch: number | null;
  /** When this controller was elected, ms since the epoch. */
  since: number | null;
  path: string;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface KafkaReassignment extends TopicPartitionRef {
  replicas: number[];
}

export interface KafkaHealth {
  offlinePartitions: TopicPartitionRef[];
  underReplicatedPartitions: TopicPartitionRef[];
  pendingDeletion: string[];
  preferredReplicaImbalance: TopicPartitionRef[];
  /** Broker ids that appear in replica assignments but are not registered. */
  brokersDown: number[];
  /** /controller is missing: no active controller. */
  noController: boolean;
  /** /admin/reassign_partitions. */
  reassignmentsInProgress: KafkaReassignment[];
}

export type KafkaProblemCode =
  | 'cannotRead'
  | 'notJson'
  | 'notObject'
  | 'noClusterId'
  | 'notInteger'
  | 'noControllerBroker'
  | 'endpointsNotArray'
  | 'badEndpoint'
  | 'brokerIdNotInteger'
  | 'noPartitions'
  | 'badReplicaList'
  | 'configNotObject'
  | 'stateLacksLeader'
  | 'stateLacksIsr'
  | 'noReassignments'
  | 'badReassignment'
  | 'partitionIdNotInteger';

export interface KafkaProblem {
  path: string;
  /** English (the API's contract); `code` and `params` say the same for the browser's catalogs. */
  message: string;
  code: KafkaProblemCode;
  params?: Record<string, string | number>;
}

export interface KafkaModel {
  /** The chroot the layout was found under, e.g. "/" or "/kafka". */
  root: string;
  clusterId: string | null;
  controller: KafkaController;
  brokers: KafkaBroker[];
  topics: KafkaTopic[];
  health: KafkaHealth;
  /** Values that could not be decoded, with the znode they came from. */
  problems: KafkaProblem[];
}

export interface KafkaResult {
  kafka: KafkaModel | null;
}

/** GET kafka/roots: chroots holding `brokers/ids`, from a bounded scan of the first levels. */
export interface KafkaRootsResponse {
  roots: Array<{ path: string; brokers: number }>;
  /** False when the scan's bounds left nodes unlooked (many children, or too many nodes). */
  complete: boolean;
  /** Nodes listed. */
  scanned: number;
}
