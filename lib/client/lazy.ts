/**
 * A chunk fetched on first use rather than with the page: once per tab, tried again after a
 * failed download, with its value readable synchronously once it has arrived (for rendering).
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export interface Lazy<T> {
  /** The value, once loaded. */
  current(): T | null;
  load(): Promise<T>;
  subscribe(listener: () => void): () => void;
}

/** `initial`: a value there from the start (a member of a family whose others are fetched). */
export function lazy<T>(fetch: () => Promise<T>, initial: T | null = null): Lazy<T> {
  let value: T | null = initial;
  let loading: Promise<T> | null = initial === null ? null : Promise.resolve(initial);
  const listeners = new Set<() => void>();
  return {
    current: () => value,
    load() {
      loading ??= fetch().then(
        (v) => {
          value = v;
          listeners.forEach((l) => l());
          return v;
        },
        (e: unknown) => {
          loading = null;
          throw e;
        },
      );
      return loading;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The lazy value in a component: null until it has arrived (and always while server rendering). */
export function useLazy<T>(chunk: Lazy<T>): T | null {
  return useSyncExternalStore(chunk.subscribe, chunk.current, () => null);
}

/**
 * Open/closed state of something (a dialog, a menu) whose code is fetched when it first opens:
 * `loaded` is null until then, and a failed download closes it again (the next `show` retries).
 */
export function useLazyOpen<T>(chunk: Lazy<T>): { loaded: T | null; open: boolean; setOpen(open: boolean): void; show(): void } {
  const loaded = useLazy(chunk);
  const [open, setOpen] = useState(false);
  const show = () => {
    setOpen(true);
    chunk.load().catch(() => setOpen(false));
  };
  return { loaded, open, setOpen, show };
}

/**
 * A lazy value wanted as soon as the component mounts (a view that shows it at once): `failed`
 * after a failed download, so the view can say so instead of waiting for ever; `retry` tries again.
 */
export function useLazyNow<T>(chunk: Lazy<T>): { loaded: T | null; failed: boolean; retry(): void } {
  const loaded = useLazy(chunk);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => void chunk.load().catch(() => setFailed(true)), [chunk]);
  useEffect(load, [load]);
  const retry = () => {
    setFailed(false);
    load();
  };
  return { loaded, failed, retry };
}
