import { connectionContext } from '@/lib/api/context';
import { streamProgress } from '@/lib/api/progress-stream';
import { handle, json, readJson } from '@/lib/api/envelope';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { changeAcl, type AclProgress } from '@/lib/auth/acl';
import { aclBody, aclQuery } from '@/lib/auth/schemas';
import { getAcl } from '@/lib/zk/node-acl';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Ctx) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    const path = pathParam.parse(searchParams(request).path);
    return json(await getAcl(session, path));
  });
}

/** `{acl, version}`; `recursive=true` applies it to the subtree too (progress as JSON lines on request). */
export function PUT(request: Request, { params }: Ctx) {
  return handle(async () => {
    const context = await connectionContext(request, (await params).id, 'admin');
    const { path, recursive } = aclQuery.parse(searchParams(request));
    const { acl, version } = aclBody.parse(await readJson(request));
    if (recursive && request.headers.get('accept')?.includes('application/x-ndjson')) {
      return streamProgress<AclProgress>((onProgress) => changeAcl(context, path, acl, version, { recursive, onProgress }));
    }
    return json({ path, acl, stat: await changeAcl(context, path, acl, version, { recursive }) });
  });
}
