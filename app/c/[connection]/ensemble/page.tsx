import type { Metadata } from 'next';
import { EnsembleView } from '@/components/ensemble/ensemble-view';

export const metadata: Metadata = { title: 'Ensemble' };

export default async function EnsemblePage({ params }: { params: Promise<{ connection: string }> }) {
  return <EnsembleView connection={decodeURIComponent((await params).connection)} />;
}
