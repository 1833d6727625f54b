'use client';

import { useQueryClient, type Query } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { createContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { toast } from '@/components/ui/toast';
import { lazy, useLazy } from '@/lib/client/lazy';
import type { LiveClient } from '@/lib/client/live-client';
import { parseConnectionQueryKey } from '@/lib/client/query-keys';

export interface LiveHost {
  /** The stream's client, once something on the page has wanted it and its code has arrived. */
  client: LiveClient | null;
  want(): void;
}

export const LiveContext = createContext<LiveHost | null>(null);

// The stream's code is fetched once a page needs it: the audit log and the ensemble never do.
const liveClient = lazy(() => import('@/lib/client/live-client').then((m) => m.LiveClient));

/** A node or a child list observed on the page: what the stream keeps current. */
function needsLive(query: Query, connection: string): boolean {
  const key = parseConnectionQueryKey(query.queryKey, connection);
  return query.getObserversCount() > 0 && (key?.resource === 'node' || key?.resource === 'children');
}

/** Marks the stream wanted and fetches its code; a failed download is tried again when next wanted. */
function want(setWanted: (wanted: true) => void): void {
  setWanted(true);
  liveClient.load().catch(() => undefined);
}

/**
 * The tab's one live event stream for a connection, started when first wanted (a node or a child
 * list on screen, the Events log, an explicit watch) and kept for the tab from then on. Everything
 * under it that shows a node or a child list is kept current by it; nothing needs to subscribe by hand.
 */
export function LiveProvider({ connection, children }: { connection: string; children: ReactNode }) {
  const t = useTranslations('live');
  const client = useQueryClient();
  const [wanted, setWanted] = useState(false);
  const Client = useLazy(liveClient);
  const live = useMemo(() => (wanted && Client ? new Client(connection, client) : null), [wanted, Client, connection, client]);

  useEffect(() => {
    if (wanted) return;
    const cache = client.getQueryCache();
    if (cache.getAll().some((q) => needsLive(q, connection))) return want(setWanted);
    return cache.subscribe((e) => {
      if (e.type === 'observerAdded' && needsLive(e.query, connection)) want(setWanted);
    });
  }, [client, connection, wanted]);

  useEffect(() => {
    if (!live) return;
    live.start();
    // An expiry is news the operator must not miss: the dashboard's ephemeral nodes are gone.
    let last = live.status.get().session;
    const unsubscribe = live.status.subscribe(() => {
      const { session, message } = live.status.get();
      if (session === last) return;
      last = session;
      if (session === 'expired') toast.warning(t('sessionExpired'), { description: message, duration: 15_000 });
    });
    return () => {
      unsubscribe();
      live.stop();
    };
  }, [live, t]);

  const host = useMemo<LiveHost>(() => ({ client: live, want: () => want(setWanted) }), [live]);
  return <LiveContext.Provider value={host}>{children}</LiveContext.Provider>;
}
