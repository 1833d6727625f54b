import { attachment } from '@/lib/api/envelope';
import { exportQuery } from '@/lib/api/bulk-schemas';
import { lineDownload } from '@/lib/api/line-download';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { exportFile, exportFileName } from '@/lib/services/bulk/export';

export const dynamic = 'force-dynamic';

/** Streams the export file of a subtree as a download (see docs/api.md, Bulk, and docs/export-format.md). */
export const GET = connectionRoute('read', async (context, request) => {
  const { path, gzip } = exportQuery.parse(searchParams(request));
  const abort = new AbortController();
  request.signal.addEventListener('abort', () => abort.abort());
  const lines = exportFile(context, path, abort.signal);
  // The first line is read here so that a missing or unreadable root is an error answer, not a broken file.
  const first = await lines.next();
  const rest = (async function* () {
    if (!first.done) yield first.value;
    yield* lines;
  })();
  const name = exportFileName(context.connection.name, path, new Date(), gzip);
  return attachment(lineDownload(rest, abort, gzip), name, gzip ? 'application/gzip' : 'application/x-ndjson; charset=utf-8');
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
