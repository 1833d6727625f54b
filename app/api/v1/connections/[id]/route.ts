import { connectionDeleteQuery, connectionEditBody } from '@/lib/api/connection-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { editConnection, removeConnection } from '@/lib/services/connection-admin';

export const dynamic = 'force-dynamic';

/** Replaces a run-time connection at the version the admin saw; its sessions are reopened with the new settings. */
export const PUT = route('admin', async ({ operator, params }, request) => {
  const { version, ...settings } = connectionEditBody.parse(await readJson(request));
  return json(editConnection(operator, params.id, settings, version));
});

/** Removes a run-time connection (`?version=`), closing its sessions and watches. */
export const DELETE = route('admin', ({ operator, params }, request) => {
  const { version } = connectionDeleteQuery.parse(searchParams(request));
  return json(removeConnection(operator, params.id, version));
});

export const { GET, HEAD, POST, PATCH } = otherMethods({ PUT, DELETE });
