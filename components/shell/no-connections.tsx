import Link from 'next/link';
import { Alert } from '@/components/ui/error-alert';
import { CONNECTIONS_HREF } from '@/lib/client/urls';

export function NoConnections() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="mb-4 text-xl font-semibold">Zooscope</h1>
      <Alert title="No ZooKeeper connection is configured">
        Set <code>ZK_CONNECT</code> (for example <code>127.0.0.1:2181</code>) or point <code>ZOOSCOPE_CONFIG</code> at a JSON file listing
        connections, then restart the server. <code>npm start</code> does this for you with an embedded ZooKeeper. An admin can also{' '}
        <Link href={CONNECTIONS_HREF} className="text-accent underline">
          add a connection here
        </Link>
        .
      </Alert>
    </main>
  );
}
