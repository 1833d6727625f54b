import { bookmarkBody } from '@/lib/api/find-schemas';
import { json, noContent, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { addBookmark, listBookmarks, removeBookmark } from '@/lib/services/bookmarks';

export const dynamic = 'force-dynamic';

// Bookmarks change nothing in ZooKeeper: reading is the access they need.
export const GET = connectionRoute('read', async (context) => json(await listBookmarks(context)));

export const POST = connectionRoute('read', async (context, request) => {
  const { path } = bookmarkBody.parse(await readJson(request));
  return json({ bookmark: await addBookmark(context, path) }, 201);
});

export const DELETE = connectionRoute('read', (context, request) => {
  removeBookmark(context, pathParam.parse(searchParams(request).path));
  return noContent();
});

export const { PUT, PATCH } = otherMethods({ GET, POST, DELETE });
