import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { ensembleHistory } from '@/lib/services/ensemble';

export const dynamic = 'force-dynamic';

/** The last hour of samples since the connection's first visit; asking keeps the sampler running. */
export const GET = connectionRoute('read', async (context) => json(await ensembleHistory(context)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
