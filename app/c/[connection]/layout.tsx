import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { LocalModeBanner } from '@/components/auth/local-mode-banner';
import { LiveProvider } from '@/components/live/live-provider';
import { DataProviders } from '@/components/data-providers';
import { AppHeader } from '@/components/shell/app-header';
import { UnknownConnection } from '@/components/shell/unknown-connection';
import { connectionNames } from '@/lib/services/connections';

export const dynamic = 'force-dynamic';

export default async function ConnectionLayout({ children, params }: { children: ReactNode; params: Promise<{ connection: string }> }) {
  const connection = decodeURIComponent((await params).connection);
  const connections = connectionNames();
  const known = connections.some((c) => c.id === connection);
  const page = (
    <div className="flex h-dvh min-w-0 flex-col">
      <AppHeader connection={connection} connections={known ? connections : [{ id: connection, name: connection }, ...connections]} />
      <LocalModeBanner />
      {known ? children : <UnknownConnection connection={connection} connections={connections} />}
    </div>
  );
  // One live event stream per tab keeps every panel of a known connection current. The dashboard's
  // client components get every namespace of the catalog (the root layout passes the shell's only).
  return (
    <NextIntlClientProvider>
      <DataProviders>{known ? <LiveProvider connection={connection}>{page}</LiveProvider> : page}</DataProviders>
    </NextIntlClientProvider>
  );
}
