import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EventsPanel } from '@/components/live/events-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('events') };
}

export default async function EventsPage({ params }: { params: Promise<{ connection: string }> }) {
  return <EventsPanel connection={decodeURIComponent((await params).connection)} />;
}
