import { connectionBody } from '@/lib/api/connection-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { testConnectionInput } from '@/lib/services/connection-admin';

export const dynamic = 'force-dynamic';

/** Tests unsaved settings (the body of an add): what a fresh session and every member reached; nothing is stored. */
export const POST = route('admin', async ({ operator }, request) => json(await testConnectionInput(operator, connectionBody.parse(await readJson(request)))));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
