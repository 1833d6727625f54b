import { redirect } from 'next/navigation';
import { NoConnections } from '@/components/shell/no-connections';
import { browseHref } from '@/lib/client/urls';
import { listConnections } from '@/lib/zk/config';

export const dynamic = 'force-dynamic';

export default function Home() {
  const connections = listConnections();
  const target = connections.find((c) => c.id === 'default') ?? connections[0];
  if (!target) return <NoConnections />;
  redirect(browseHref(target.id, '/'));
}
