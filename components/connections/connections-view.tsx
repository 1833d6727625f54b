'use client';

import { useQuery } from '@tanstack/react-query';
import { DataTable } from '@/components/ensemble/data-section';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import { connectionsQuery } from '@/lib/client/connections';
import { signInQuery } from '@/lib/client/sign-in';
import { ConnectionFormDialog } from './connection-form-dialog';
import { ConnectionRow } from './connection-row';

const COLUMNS = ['Connection', 'Connect string', 'Defined by', 'Session', { label: 'Members up', numeric: true }, { label: 'Latency (worst avg)', numeric: true }, 'Health', 'Actions'] as const;

/** Every connection with its state and health; admins add, edit, test and remove those added here. */
export function ConnectionsView() {
  const connections = useQuery(connectionsQuery());
  const admin = useQuery(signInQuery()).data?.user?.role === 'admin';
  return (
    <main className="mx-auto w-full max-w-7xl min-w-0 space-y-4 p-3 sm:p-6">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-semibold">Connections</h1>
        {admin && (
          <div className="ml-auto">
            <ConnectionFormDialog />
          </div>
        )}
      </div>
      <p className="text-sm [overflow-wrap:anywhere] text-muted">
        Connections from <code>ZK_CONNECT</code> and the <code>ZOOSCOPE_CONFIG</code> file are changed there; those added here are stored with the audit log.
      </p>
      {connections.error && <ErrorAlert error={connections.error} />}
      {connections.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : (
        <DataTable columns={COLUMNS} label="Connections">
          {connections.data?.map((c) => <ConnectionRow key={c.id} connection={c} admin={admin} />)}
        </DataTable>
      )}
    </main>
  );
}
