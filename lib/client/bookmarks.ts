/** The operator's bookmarks on a connection (kept on the server), and starring a node. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bookmark, BookmarksResponse } from '@/lib/shared/wire';
import { connectionUrl, requestJson, retryTransient } from './api-client';
import { bookmarkKeys } from './query-keys';

export function bookmarksQuery(connection: string) {
  return queryOptions({
    queryKey: bookmarkKeys.list(connection),
    queryFn: ({ signal }) => requestJson<BookmarksResponse>(connectionUrl(connection, 'bookmarks'), { signal }),
    staleTime: 30_000,
    retry: retryTransient,
  });
}

/** Stars (`starred` true) or unstars a node. */
export function useSetBookmark(connection: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ path, starred }: { path: string; starred: boolean }): Promise<void> => {
      if (starred) await requestJson<{ bookmark: Bookmark }>(connectionUrl(connection, 'bookmarks'), { method: 'POST', body: { path } });
      else await requestJson<void>(connectionUrl(connection, 'bookmarks', { path }), { method: 'DELETE' });
    },
    onSettled: () => client.invalidateQueries({ queryKey: bookmarkKeys.list(connection) }),
  });
}
