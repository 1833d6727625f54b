import { noContent } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { syncNode } from '@/lib/services/live/sync';

export const dynamic = 'force-dynamic';

export const POST = connectionRoute('read', async ({ session }, request) => {
  await syncNode(session, pathParam.parse(searchParams(request).path));
  return noContent();
});

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
