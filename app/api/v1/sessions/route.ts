import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { searchParams, sessionsQuery } from '@/lib/api/schemas';
import { ownSessions } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

/**
 * The dashboard's own ZooKeeper sessions (all connections): admins only (they show every
 * operator's sessions). `?ephemerals=true` adds the nodes they own (runs `dump`).
 */
export const GET = route('admin', async (_, request) => json(await ownSessions(sessionsQuery.parse(searchParams(request)))));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
