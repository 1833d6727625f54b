import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { ownSessions } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

/** The dashboard's own ZooKeeper sessions (all connections), with the ephemeral nodes they own: admins only (they show every operator's sessions). */
export const GET = route('admin', async () => json(await ownSessions()));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
