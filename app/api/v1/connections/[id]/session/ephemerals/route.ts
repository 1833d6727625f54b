import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { searchParams, sessionEphemeralsQuery } from '@/lib/api/schemas';
import { ephemeralsOfSession } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

/** `?session=0x…`: the ephemeral nodes that ZooKeeper session owns (runs `dump`: on an explicit request). */
export const GET = connectionRoute('read', async ({ session }, request) => json(await ephemeralsOfSession(session, sessionEphemeralsQuery.parse(searchParams(request)).session)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
