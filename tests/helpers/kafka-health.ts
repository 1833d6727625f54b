import type { KafkaHealth } from '@/lib/shared/kafka';

/** The health of a cluster with nothing wrong: every list empty, a controller present. */
export const HEALTHY: KafkaHealth = {
  offlinePartitions: [],
  underReplicatedPartitions: [],
  pendingDeletion: [],
  preferredReplicaImbalance: [],
  brokersDown: [],
  noController: false,
  reassignmentsInProgress: [],
};
