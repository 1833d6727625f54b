/** The query cache's settings, and the tab's one cache. */
import { QueryClient, isServer } from '@tanstack/react-query';
import { retryTransient } from './api-client';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: retryTransient },
      // A write runs now or fails now: never paused while the browser is offline and replayed
      // later unseen (the default 'online' mode), never retried.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * A new cache for each server render; in the browser one for the tab, so that a layout mounting
 * the provider again (switching connection) keeps what was read.
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  return (browserClient ??= makeQueryClient());
}
