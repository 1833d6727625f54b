/** The Kafka root chosen per connection, remembered in this browser (localStorage). */
import { useSyncExternalStore } from 'react';
import { subscribeLocal, writeLocal } from './local-store';

const keyOf = (connection: string) => `zooscope:kafka-root:${connection}`;

/** The remembered root, null when none, undefined while rendering on the server (unknown there). */
export function useStoredKafkaRoot(connection: string): string | null | undefined {
  return useSyncExternalStore(
    subscribeLocal,
    () => localStorage.getItem(keyOf(connection)),
    () => undefined,
  );
}

/** Remembers `root` for the connection ("/" is the default, so it is forgotten instead). */
export function rememberKafkaRoot(connection: string, root: string): void {
  writeLocal(keyOf(connection), root === '/' ? null : root);
}
