import { compareFileQuery, compareQuery } from '@/lib/api/compare-schemas';
import { fileBody } from '@/lib/api/file-body';
import { otherMethods } from '@/lib/api/methods';
import { streamLines } from '@/lib/api/ndjson-stream';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { prepareCompare } from '@/lib/services/bulk/compare';
import { prepareFileCompare } from '@/lib/services/bulk/compare-file';

export const dynamic = 'force-dynamic';

/** Streams the differences between two subtrees as NDJSON (see docs/api.md, Compare). */
export const GET = connectionRoute('read', async (context, request) => streamLines(request, await prepareCompare(context, compareQuery.parse(searchParams(request)))));

/** The same against an export file, the body (a read: viewers may compare with a backup). */
export const POST = connectionRoute('read', async (context, request) => {
  const { path } = compareFileQuery.parse(searchParams(request));
  return streamLines(request, await prepareFileCompare(context, path, fileBody(request)));
});

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
