import { connectionContext } from '@/lib/api/context';
import { handle, json, noContent, readJson } from '@/lib/api/envelope';
import { createBody, deleteQuery, pathParam, searchParams, setBody } from '@/lib/api/schemas';
import { streamProgress } from '@/lib/api/progress-stream';
import { decodeDataInput } from '@/lib/zk/data';
import { auditedCreate, auditedDelete, auditedSetData } from '@/lib/audit/changes';
import { getNode } from '@/lib/zk/nodes';
import type { CreateMode } from '@/lib/shared/types';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Ctx) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    const path = pathParam.parse(searchParams(request).path);
    return json(await getNode(session, path));
  });
}

export function POST(request: Request, { params }: Ctx) {
  return handle(async () => {
    const context = await connectionContext(request, (await params).id, 'write');
    const body = createBody.parse(await readJson(request));
    const data = decodeDataInput(body.data, body.path);
    const created = await auditedCreate(context, { ...body, mode: body.mode as CreateMode, data });
    return json(created, 201);
  });
}

export function PUT(request: Request, { params }: Ctx) {
  return handle(async () => {
    const context = await connectionContext(request, (await params).id, 'write');
    const body = setBody.parse(await readJson(request));
    const stat = await auditedSetData(context, body.path, decodeDataInput(body.data, body.path), body.version);
    return json({ path: body.path, stat });
  });
}

export function DELETE(request: Request, { params }: Ctx) {
  return handle(async () => {
    const context = await connectionContext(request, (await params).id, 'write');
    const query = deleteQuery.parse(searchParams(request));
    const options = { version: query.version, recursive: query.recursive ?? false };
    if (options.recursive && request.headers.get('accept')?.includes('application/x-ndjson')) {
      return streamProgress((onProgress) => auditedDelete(context, query.path, { ...options, onProgress }));
    }
    await auditedDelete(context, query.path, options);
    return noContent();
  });
}
