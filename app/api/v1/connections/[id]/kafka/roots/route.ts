import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { kafkaRoots } from '@/lib/services/kafka';

export const dynamic = 'force-dynamic';

/** Kafka chroots on the connection (nodes holding brokers/ids), from a bounded scan of the first levels. */
export const GET = connectionRoute('read', async ({ session }) => json(await kafkaRoots(session)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
