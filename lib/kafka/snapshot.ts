import 'server-only';
import type { KafkaProblem } from '@/lib/shared/kafka';

/** What the Kafka reader hands the decoder: the znodes under a Kafka root, as read. */

/** The parts of a znode's stat the decoder uses. */
export interface SnapshotStat {
  ctime?: number;
}

export interface SnapshotNode {
  /** The znode's data as UTF-8 text. */
  data: string;
  stat?: SnapshotStat;
}

/** Everything read under a Kafka root. A null node was listed but gone (or unreadable) when read. */
export interface KafkaSnapshot {
  /** "/" or the chroot, e.g. "/kafka". */
  root: string;
  /** `<root>/brokers` exists; without it there is no Kafka here. */
  hasBrokers: boolean;
  clusterId?: SnapshotNode | null;
  controller?: SnapshotNode | null;
  controllerEpoch?: SnapshotNode | null;
  /** Children of /brokers/ids. */
  brokers: Array<{ name: string; node: SnapshotNode | null }>;
  /** Children of /brokers/topics, each with its partitions/N/state nodes. */
  topics: Array<{ name: string; assignment: SnapshotNode | null; partitions: Array<{ name: string; state: SnapshotNode | null }> }>;
  /** Children of /config/topics. */
  topicConfigs: Array<{ name: string; node: SnapshotNode | null }>;
  /** Children of /admin/delete_topics. */
  pendingDeletion: string[];
  reassignPartitions?: SnapshotNode | null;
  /** Problems met while reading (e.g. a znode the ACL hides). */
  problems?: KafkaProblem[];
}
