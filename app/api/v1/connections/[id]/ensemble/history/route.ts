import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { ensembleHistory } from '@/lib/services/ensemble';

export const dynamic = 'force-dynamic';

/** The last 15 minutes of samples; asking keeps the server-side sampler running for a minute. */
export const GET = connectionRoute('read', (context) => json(ensembleHistory(context)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
