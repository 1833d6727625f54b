'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { reachability, watchBrowserNetwork, type Reachability } from './reachability';

/** The dashboard server's reachability, as last known. */
export function useReachabilityState(): Reachability {
  return useSyncExternalStore(reachability.subscribe, reachability.get, () => 'reachable' as const);
}

/**
 * The dashboard server's reachability, with the browser's network events watched while mounted;
 * when it comes back, what failed meanwhile is read again.
 */
export function useReachability(): Reachability {
  const client = useQueryClient();
  const state = useReachabilityState();
  useEffect(() => watchBrowserNetwork(), []);
  const was = useRef(state);
  useEffect(() => {
    if (was.current === 'unreachable' && state === 'reachable') void client.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
    was.current = state;
  }, [client, state]);
  return state;
}
