import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EnsembleView } from '@/components/ensemble/ensemble-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('ensemble') };
}

export default async function EnsemblePage({ params }: { params: Promise<{ connection: string }> }) {
  return <EnsembleView connection={decodeURIComponent((await params).connection)} />;
}
