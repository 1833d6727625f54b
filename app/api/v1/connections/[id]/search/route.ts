import { searchQuery } from '@/lib/api/find-schemas';
import { otherMethods } from '@/lib/api/methods';
import { streamLines } from '@/lib/api/ndjson-stream';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { prepareSearch } from '@/lib/services/search';

export const dynamic = 'force-dynamic';

/** Streams the matches of a search of a subtree as NDJSON (see docs/api.md, Search). */
export const GET = connectionRoute('read', async ({ session }, request) => {
  const search = await prepareSearch(session, searchQuery.parse(searchParams(request)));
  return streamLines(request, search);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
