import { copyBody } from '@/lib/api/bulk-schemas';
import { readJson } from '@/lib/api/envelope';
import { streamJob } from '@/lib/api/bulk-stream';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { prepareCopy } from '@/lib/services/bulk/copy';
import { openConnection } from '@/lib/services/connections';

export const dynamic = 'force-dynamic';

/**
 * Copies or moves a subtree, within the connection or to `targetConnection`, as NDJSON progress
 * (see docs/api.md, Bulk). Editors only; a copy only reads its source (which may be read-only).
 */
export const POST = route('write', async ({ operator, params }, request) => {
  const { targetConnection, ...options } = copyBody.parse(await readJson(request));
  const source = openConnection(operator, params.id, options.move ? 'write' : 'read');
  const target = targetConnection && targetConnection !== params.id ? openConnection(operator, targetConnection, 'write') : openConnection(operator, params.id, 'write');
  return streamJob(request, await prepareCopy(source, target, options));
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
