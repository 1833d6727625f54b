import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { childrenQuery, searchParams } from '@/lib/api/schemas';
import { childrenPage } from '@/lib/services/children';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async ({ session }, request) => {
  const { path, ...query } = childrenQuery.parse(searchParams(request));
  return json(await childrenPage(session, path, query));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
