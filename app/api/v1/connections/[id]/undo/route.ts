import { undoBody } from '@/lib/api/bulk-schemas';
import { readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { streamLines } from '@/lib/api/ndjson-stream';
import { connectionRoute } from '@/lib/api/route';
import { undoCreated } from '@/lib/services/bulk/undo';

export const dynamic = 'force-dynamic';

/** Removes what an import or copy created (its result's `undo`), as NDJSON progress (see docs/api.md, Bulk). */
export const POST = connectionRoute('write', async (context, request) => {
  const { created } = undoBody.parse(await readJson(request));
  return streamLines(request, async (send) => {
    send({ result: await undoCreated(context, created, (p) => send(p)) });
  });
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
