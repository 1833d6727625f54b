'use client';

import { notifyManager, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { parseConnectionQueryKey } from '@/lib/client/query-keys';

/**
 * A counter that moves whenever a name page of this connection's child lists arrives, fails or
 * is dropped: the tree's layout is derived from those pages (stat chunks do not change it).
 */
export function useChildrenVersion(client: QueryClient, connection: string): number {
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      // Deferred like TanStack's own observers: a query may be added while another component renders.
      const notify = notifyManager.batchCalls(onChange);
      return client.getQueryCache().subscribe((event) => {
        const key = parseConnectionQueryKey(event.query.queryKey, connection);
        if (key?.resource !== 'children' || key.params.stat) return;
        const relevant =
          event.type === 'removed' ||
          (event.type === 'added' && event.query.state.data !== undefined) ||
          (event.type === 'updated' && (event.action.type === 'success' || event.action.type === 'error'));
        if (!relevant) return;
        version.current++;
        notify();
      });
    },
    [client, connection],
  );
  return useSyncExternalStore(subscribe, () => version.current, () => version.current);
}
