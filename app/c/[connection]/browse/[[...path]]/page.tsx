import type { Metadata } from 'next';
import { NodePanel } from '@/components/node/node-panel';
import { pathFromSegments } from '@/lib/client/urls';

type Props = { params: Promise<{ connection: string; path?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: pathFromSegments((await params).path) };
}

export default async function BrowsePage({ params }: Props) {
  const { connection, path } = await params;
  return <NodePanel connection={decodeURIComponent(connection)} path={pathFromSegments(path)} />;
}
