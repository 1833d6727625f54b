/** A yes/no remembered in this browser (localStorage), shared by every component that reads it. */
import { useSyncExternalStore } from 'react';
import { subscribeLocal, writeLocal } from './local-store';

/** The flag (null while rendering on the server, where it is unknown) and a setter. */
export function useStoredFlag(key: string): [boolean | null, (value: boolean) => void] {
  const value = useSyncExternalStore(subscribeLocal, () => localStorage.getItem(key) === '1', () => null);
  return [value, (next) => writeLocal(key, next ? '1' : null)];
}
