/** The Kafka cluster whose metadata lives under `root` on a connection, and where such roots are. */
import 'server-only';
import { findKafkaRoots } from '@/lib/kafka/find-roots';
import { readKafka, sessionKafkaReader } from '@/lib/kafka/read';
import type { ZkSession } from '@/lib/zk/session';
import type { KafkaResult, KafkaRootsResponse } from '@/lib/shared/kafka';

export function kafkaCluster(session: ZkSession, root: string): Promise<KafkaResult> {
  return readKafka(sessionKafkaReader(session), root);
}

export function kafkaRoots(session: ZkSession): Promise<KafkaRootsResponse> {
  return findKafkaRoots(sessionKafkaReader(session));
}
