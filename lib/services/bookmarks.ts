/**
 * The operator's bookmarks on a connection (GET/POST/DELETE bookmarks). They belong to the
 * signed-in user (in local mode, the one local operator) and change nothing in ZooKeeper, so any
 * role may keep them, on read-only connections too. A bookmark to a deleted node stays, marked.
 * Adding and removing one is audited like every other change an operator makes.
 */
import 'server-only';
import { assertPath } from '@/lib/zk/assert-path';
import { ZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import type { Bookmark, BookmarksResponse } from '@/lib/shared/wire';
import { recordAs } from '@/lib/audit/recorder';
import { countBookmarks, deleteBookmark, insertBookmark, listBookmarkRows } from './bookmark-store';
import { actorOf, type ConnectionContext } from './connections';

const MAX_BOOKMARKS = 500;

export async function listBookmarks({ operator, connection, session }: ConnectionContext): Promise<BookmarksResponse> {
  const rows = listBookmarkRows(operator.name, connection.id);
  // exists needs no read permission: a protected node still shows as present.
  const present = await mapLimit(rows, 32, (r) => session.run((h) => h.exists(r.path)));
  return { bookmarks: rows.map((r, i) => ({ ...r, exists: present[i] !== null })) };
}

export async function addBookmark({ operator, connection, session }: ConnectionContext, path: string): Promise<Bookmark> {
  assertPath(path);
  if (countBookmarks(operator.name, connection.id) >= MAX_BOOKMARKS) {
    throw new ZkError('INVALID_REQUEST', `You have ${MAX_BOOKMARKS} bookmarks on this connection, the most kept; remove some first`);
  }
  const stat = await session.run((h) => h.exists(path));
  if (!stat) throw new ZkError('NO_NODE', `${path} does not exist`, path);
  if (insertBookmark(operator.name, connection.id, path, Date.now())) recordAs(actorOf({ operator, connection }), { operation: 'bookmark_add', path });
  const row = listBookmarkRows(operator.name, connection.id).find((r) => r.path === path)!;
  return { ...row, exists: true };
}

export function removeBookmark({ operator, connection }: ConnectionContext, path: string): void {
  assertPath(path);
  if (deleteBookmark(operator.name, connection.id, path)) recordAs(actorOf({ operator, connection }), { operation: 'bookmark_remove', path });
}
