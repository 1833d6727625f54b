import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { subtreeCount } from '@/lib/services/subtree';

export const dynamic = 'force-dynamic';

/** How many nodes a recursive delete would remove (for the confirmation dialog). */
export const GET = connectionRoute('read', async (context, request) => json(await subtreeCount(context, pathParam.parse(searchParams(request).path))));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
