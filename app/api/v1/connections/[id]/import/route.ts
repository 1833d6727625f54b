import { importQuery } from '@/lib/api/bulk-schemas';
import { streamJob } from '@/lib/api/bulk-stream';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { prepareImport } from '@/lib/services/bulk/import';

export const dynamic = 'force-dynamic';

/** Imports the export file of the body below `path`, as NDJSON progress (see docs/api.md, Bulk). */
export const POST = connectionRoute('write', async (context, request) => {
  const { path, ...options } = importQuery.parse(searchParams(request));
  const job = await prepareImport(context, request.body, { target: path, ...options }, request.signal);
  return streamJob(request, job);
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
