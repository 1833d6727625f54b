'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { rememberKafkaRoot, useStoredKafkaRoot } from '@/lib/client/kafka-root';

/**
 * The root the view reads: the URL's ?root= when given, else the one last chosen on this
 * connection (then written into the URL), else "/". `ready` is false until the browser's
 * memory has been read, so "/" is not fetched for nothing first.
 */
export function useKafkaRoot(connection: string, urlRoot: string, explicit: boolean) {
  const router = useRouter();
  const stored = useStoredKafkaRoot(connection);
  const root = explicit ? urlRoot : (stored ?? '/');
  useEffect(() => {
    if (!explicit && stored) router.replace(`?root=${encodeURIComponent(stored)}`);
  }, [explicit, stored, router]);
  const choose = (next: string) => {
    rememberKafkaRoot(connection, next);
    router.push(next === '/' ? '?' : `?root=${encodeURIComponent(next)}`);
  };
  return { root, ready: explicit || stored !== undefined, choose };
}
