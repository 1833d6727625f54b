'use client';

import { useContext, useEffect, useSyncExternalStore } from 'react';
import type { LiveClient, LiveStatus } from '@/lib/client/live-client';
import type { DeletedNotice, LogEntry } from '@/lib/client/live-frames';
import type { Store } from '@/lib/client/live-store';
import type { WatchKind } from '@/lib/shared/events';
import { LiveContext } from './live-provider';

/**
 * The tab's live client, started for this page if it was not yet: null outside a LiveProvider
 * and until its code has arrived.
 */
export function useLiveClient(): LiveClient | null {
  const host = useContext(LiveContext);
  useEffect(() => host?.want(), [host]);
  return host?.client ?? null;
}

/** The live client if something has started it, without starting it (the header's status). */
export function useRunningLiveClient(): LiveClient | null {
  return useContext(LiveContext)?.client ?? null;
}

const noop = () => () => {};

function useStore<T>(store: Store<T> | undefined): T | undefined {
  return useSyncExternalStore(store?.subscribe ?? noop, () => store?.get(), () => undefined);
}

export function useLiveStatus(): LiveStatus | undefined {
  return useStore(useRunningLiveClient()?.status);
}

export function useLiveLog(): readonly LogEntry[] {
  return useStore(useLiveClient()?.log) ?? [];
}

/** Set when the node at `path` was deleted elsewhere while shown here. */
export function useDeletedNotice(path: string): DeletedNotice | undefined {
  return useStore(useLiveClient()?.deleted)?.get(path);
}

/** Watches paths explicitly while mounted (beyond what the page's queries watch). */
export function useLiveWatches(paths: readonly string[], kinds: readonly WatchKind[]): void {
  const live = useLiveClient();
  const key = JSON.stringify([paths, kinds]);
  useEffect(() => {
    if (!live) return;
    const [p, k] = JSON.parse(key) as [string[], WatchKind[]];
    const releases = p.flatMap((path) => k.map((kind) => live.watch(path, kind)));
    return () => releases.forEach((release) => release());
  }, [live, key]);
}
