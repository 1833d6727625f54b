import { connectionBody } from '@/lib/api/connection-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { addConnection } from '@/lib/services/connection-admin';
import { connectionSummaries } from '@/lib/services/connections';

export const dynamic = 'force-dynamic';

export const GET = route('read', ({ operator }) => json(connectionSummaries(operator)));

/** Adds a connection at run time (stored with the audit log). */
export const POST = route('admin', async ({ operator }, request) => json(addConnection(operator, connectionBody.parse(await readJson(request))), 201));

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
