import { compareQuery } from '@/lib/api/compare-schemas';
import { otherMethods } from '@/lib/api/methods';
import { streamLines } from '@/lib/api/ndjson-stream';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { prepareCompare } from '@/lib/services/bulk/compare';

export const dynamic = 'force-dynamic';

/** Streams the differences between two subtrees as NDJSON (see docs/api.md, Compare). */
export const GET = connectionRoute('read', async (context, request) => streamLines(request, await prepareCompare(context, compareQuery.parse(searchParams(request)))));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
