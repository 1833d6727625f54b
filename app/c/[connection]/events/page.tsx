import type { Metadata } from 'next';
import { EventsPanel } from '@/components/live/events-panel';

export const metadata: Metadata = { title: 'Events' };

export default async function EventsPage({ params }: { params: Promise<{ connection: string }> }) {
  return <EventsPanel connection={decodeURIComponent((await params).connection)} />;
}
