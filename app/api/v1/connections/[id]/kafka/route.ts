import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { kafkaCluster } from '@/lib/services/kafka';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async ({ session }, request) => json(await kafkaCluster(session, searchParams(request).root || '/')));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
