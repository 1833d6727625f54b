import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditView } from '@/components/audit/audit-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('audit') };
}

export default function AuditPage() {
  return <AuditView />;
}
