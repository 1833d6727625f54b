import { redirect } from 'next/navigation';
import { NoConnections } from '@/components/shell/no-connections';
import { browseHref } from '@/lib/client/urls';
import { connectionNames } from '@/lib/services/connections';

export const dynamic = 'force-dynamic';

export default function Home() {
  const connections = connectionNames();
  const target = connections.find((c) => c.id === 'default') ?? connections[0];
  if (!target) return <NoConnections />;
  redirect(browseHref(target.id, '/'));
}
