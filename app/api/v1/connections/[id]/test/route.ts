import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { testConnection } from '@/lib/services/connection-admin';

export const dynamic = 'force-dynamic';

/** What a fresh session and every member reached: members, version, session. */
export const POST = route('admin', async ({ operator, params }) => json(await testConnection(operator, params.id)));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
