import type { Metadata } from 'next';
import { KafkaView } from '@/components/kafka/kafka-view';
import { normalizeKafkaRoot } from '@/lib/client/kafka';

export const metadata: Metadata = { title: 'Kafka' };

type Props = { params: Promise<{ connection: string }>; searchParams: Promise<{ root?: string | string[] }> };

export default async function KafkaPage({ params, searchParams }: Props) {
  const [{ connection }, { root }] = await Promise.all([params, searchParams]);
  const given = Array.isArray(root) ? root[0] : root;
  return <KafkaView connection={decodeURIComponent(connection)} urlRoot={normalizeKafkaRoot(given)} explicit={given !== undefined} />;
}
