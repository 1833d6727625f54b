import { authenticate, authenticateWithSession } from '@/lib/api/auth';
import { handle, json, readJson } from '@/lib/api/envelope';
import { searchParams } from '@/lib/api/schemas';
import { addIdentity, dropIdentities, listIdentities } from '@/lib/auth/identities';
import { credentialBody, dropQuery } from '@/lib/auth/schemas';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** The active identities (scheme and id, never the secret). */
export function GET(request: Request, { params }: Ctx) {
  return handle(async () => {
    const operator = await authenticate(request, 'read');
    return json({ identities: listIdentities(operator, (await params).id) });
  });
}

/** `addauth`: `{scheme, credential}`, held on the server for this sign-in session only. */
export function POST(request: Request, { params }: Ctx) {
  return handle(async () => {
    const { operator, setCookie } = await authenticateWithSession(request, 'read');
    const { scheme, credential } = credentialBody.parse(await readJson(request));
    const identities = addIdentity(operator, (await params).id, scheme, credential);
    return json({ identities }, 201, setCookie ? { 'Set-Cookie': setCookie } : undefined);
  });
}

/** Drops one identity (`?scheme=digest&id=alice`) or all of them. */
export function DELETE(request: Request, { params }: Ctx) {
  return handle(async () => {
    const operator = await authenticate(request, 'read');
    const only = dropQuery.parse(searchParams(request));
    const identities = dropIdentities(operator, (await params).id, only.scheme && only.id ? { scheme: only.scheme, id: only.id } : undefined);
    return json({ identities });
  });
}
