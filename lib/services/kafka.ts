/** The Kafka cluster whose metadata lives under `root` on a connection. */
import 'server-only';
import { readKafka, sessionKafkaReader } from '@/lib/kafka/read';
import type { ZkSession } from '@/lib/zk/session';
import type { KafkaResult } from '@/lib/shared/kafka';

export function kafkaCluster(session: ZkSession, root: string): Promise<KafkaResult> {
  return readKafka(sessionKafkaReader(session), root);
}
