import { aclBody, aclQuery } from '@/lib/api/access-schemas';
import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { streamProgress, wantsProgress } from '@/lib/api/progress-stream';
import { connectionRoute } from '@/lib/api/route';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { changeAcl, readAcl } from '@/lib/services/acl';
import type { AclProgress } from '@/lib/shared/wire';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async ({ session }, request) => json(await readAcl(session, pathParam.parse(searchParams(request).path))));

/** `{acl, version, confirm?}`; `recursive=true` applies it to the subtree too (progress as JSON lines on request). */
export const PUT = connectionRoute('admin', async (context, request) => {
  const { path, recursive } = aclQuery.parse(searchParams(request));
  const { acl, version, confirm } = aclBody.parse(await readJson(request));
  if (recursive && wantsProgress(request)) {
    return streamProgress<AclProgress>((onProgress) => changeAcl(context, path, acl, version, { recursive, confirm, onProgress }));
  }
  return json(await changeAcl(context, path, acl, version, { recursive, confirm }));
});

export const { POST, PATCH, DELETE } = otherMethods({ GET, PUT });
