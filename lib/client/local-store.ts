/** Change notification for what this app keeps in localStorage: this tab's writes and other tabs'. */

const listeners = new Set<() => void>();

/** For useSyncExternalStore: called on every change, in this tab or another. */
export function subscribeLocal(listener: () => void): () => void {
  listeners.add(listener);
  // Other tabs' changes arrive as storage events.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Writes (or removes, with null) an entry and tells this tab's subscribers. */
export function writeLocal(key: string, value: string | null): void {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  listeners.forEach((l) => l());
}
