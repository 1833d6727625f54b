/**
 * Signing out. Its own chunk, fetched when the button is pressed: most page loads never sign out,
 * and a mutation observer is otherwise the only one on several pages.
 */
import { MutationObserver, type QueryClient } from '@tanstack/react-query';
import { requestJson } from './api-client';

export function signOut(client: QueryClient): Promise<void> {
  return new MutationObserver(client, {
    mutationFn: () => requestJson<void>('/api/v1/session', { method: 'DELETE' }),
    // Nothing read under the old session may stay on screen.
    onSuccess: () => client.clear(),
  }).mutate();
}
