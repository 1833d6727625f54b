import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { ensembleStatus } from '@/lib/services/ensemble';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async (context) => json(await ensembleStatus(context)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
