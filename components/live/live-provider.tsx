'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useEffect, useMemo, type ReactNode } from 'react';
import { toast } from '@/components/ui/toast';
import { LiveClient } from '@/lib/client/live-client';

export const LiveContext = createContext<LiveClient | null>(null);

/**
 * The tab's one live event stream for a connection. Everything under it that shows a node or a
 * child list is kept current by the stream; nothing under it needs to subscribe by hand.
 */
export function LiveProvider({ connection, children }: { connection: string; children: ReactNode }) {
  const client = useQueryClient();
  const live = useMemo(() => new LiveClient(connection, client), [connection, client]);
  useEffect(() => {
    live.start();
    // An expiry is news the operator must not miss: the dashboard's ephemeral nodes are gone.
    let last = live.status.get().session;
    const unsubscribe = live.status.subscribe(() => {
      const { session, message } = live.status.get();
      if (session === last) return;
      last = session;
      if (session === 'expired') toast.warning('ZooKeeper session expired', { description: message, duration: 15_000 });
    });
    return () => {
      unsubscribe();
      live.stop();
    };
  }, [live]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
