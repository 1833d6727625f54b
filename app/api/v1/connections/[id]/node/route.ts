import { json, noContent, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { streamProgress, wantsProgress } from '@/lib/api/progress-stream';
import { connectionRoute } from '@/lib/api/route';
import { createBody, deleteQuery, pathParam, searchParams, setBody } from '@/lib/api/schemas';
import { createNode, deleteNode, readNode, saveNode } from '@/lib/services/nodes';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async ({ session }, request) => json(await readNode(session, pathParam.parse(searchParams(request).path))));

export const POST = connectionRoute('write', async (context, request) => json(await createNode(context, createBody.parse(await readJson(request))), 201));

export const PUT = connectionRoute('write', async (context, request) => json(await saveNode(context, setBody.parse(await readJson(request)))));

/** `recursive=true` deletes the subtree too (progress as JSON lines on request). */
export const DELETE = connectionRoute('write', async (context, request) => {
  const { path, version, recursive = false } = deleteQuery.parse(searchParams(request));
  if (recursive && wantsProgress(request)) {
    return streamProgress((onProgress) => deleteNode(context, { path, version, recursive, onProgress }));
  }
  await deleteNode(context, { path, version, recursive });
  return noContent();
});

export const { PATCH } = otherMethods({ GET, POST, PUT, DELETE });
