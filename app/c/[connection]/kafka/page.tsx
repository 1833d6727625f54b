import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { KafkaView } from '@/components/kafka/kafka-view';
import { normalizeKafkaRoot } from '@/lib/client/kafka';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('kafka') };
}

type Props = { params: Promise<{ connection: string }>; searchParams: Promise<{ root?: string | string[] }> };

export default async function KafkaPage({ params, searchParams }: Props) {
  const [{ connection }, { root }] = await Promise.all([params, searchParams]);
  const given = Array.isArray(root) ? root[0] : root;
  return <KafkaView connection={decodeURIComponent(connection)} urlRoot={normalizeKafkaRoot(given)} explicit={given !== undefined} />;
}
