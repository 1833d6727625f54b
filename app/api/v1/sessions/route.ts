import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { ownSessions } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

/** The dashboard's own ZooKeeper sessions (all connections), with the ephemeral nodes they own. */
export const GET = route('read', async () => json(await ownSessions()));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
