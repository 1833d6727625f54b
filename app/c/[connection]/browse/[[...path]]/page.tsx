import type { Metadata } from 'next';
import { CurrentNode } from '@/components/explorer/current-node';
import { pathFromSegments } from '@/lib/client/urls';

type Props = { params: Promise<{ connection: string; path?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: pathFromSegments((await params).path) };
}

// The node comes from the URL in the browser: moving between nodes needs no server round trip.
export default async function BrowsePage({ params }: Props) {
  const { connection } = await params;
  return <CurrentNode connection={decodeURIComponent(connection)} />;
}
