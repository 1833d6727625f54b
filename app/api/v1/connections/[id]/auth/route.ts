import { credentialBody, dropQuery } from '@/lib/api/access-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { withSignInSession } from '@/lib/auth/operator';
import { addIdentity, dropIdentities, listIdentities } from '@/lib/services/identities';

export const dynamic = 'force-dynamic';

/** The active identities (scheme and id, never the secret). */
export const GET = route('read', ({ operator, params }) => json(listIdentities(operator, params.id)));

/** `addauth`: `{scheme, credential}`, held on the server for this sign-in session only. */
export const POST = route('read', async ({ operator: who, params }, request) => {
  const { operator, setCookie } = withSignInSession(request, who);
  const { scheme, credential } = credentialBody.parse(await readJson(request));
  return json(addIdentity(operator, params.id, scheme, credential), 201, setCookie ? { 'Set-Cookie': setCookie } : undefined);
});

/** Drops one identity (`?scheme=digest&id=alice`) or all of them. */
export const DELETE = route('read', ({ operator, params }, request) => {
  const only = dropQuery.parse(searchParams(request));
  return json(dropIdentities(operator, params.id, only.scheme && only.id ? { scheme: only.scheme, id: only.id } : undefined));
});

export const { PUT, PATCH } = otherMethods({ GET, POST, DELETE });
