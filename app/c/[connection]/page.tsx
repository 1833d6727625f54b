import { redirect } from 'next/navigation';
import { browseHref } from '@/lib/client/urls';

export default async function ConnectionHome({ params }: { params: Promise<{ connection: string }> }) {
  redirect(browseHref(decodeURIComponent((await params).connection), '/'));
}
