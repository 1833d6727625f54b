import { connectionContext } from '@/lib/api/context';
import { handle, json, noContent, readJson } from '@/lib/api/envelope';
import { createBody, deleteQuery, pathParam, searchParams, setBody } from '@/lib/api/schemas';
import { streamDeleteProgress } from '@/lib/api/delete-stream';
import { decodeDataInput } from '@/lib/zk/data';
import { createNode, deleteNode, getNode, setData } from '@/lib/zk/ops';
import type { CreateMode } from '@/lib/zk/types';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Ctx) {
  return handle(async () => {
    const path = pathParam.parse(searchParams(request).path);
    const { session } = await connectionContext(request, (await params).id, 'read');
    return json(await getNode(session, path));
  });
}

export function POST(request: Request, { params }: Ctx) {
  return handle(async () => {
    const body = createBody.parse(await readJson(request));
    const { session } = await connectionContext(request, (await params).id, 'write');
    const data = decodeDataInput(body.data, body.path);
    const created = await createNode(session, { ...body, mode: body.mode as CreateMode, data });
    return json(created, 201);
  });
}

export function PUT(request: Request, { params }: Ctx) {
  return handle(async () => {
    const body = setBody.parse(await readJson(request));
    const { session } = await connectionContext(request, (await params).id, 'write');
    const stat = await setData(session, body.path, decodeDataInput(body.data, body.path), body.version);
    return json({ path: body.path, stat });
  });
}

export function DELETE(request: Request, { params }: Ctx) {
  return handle(async () => {
    const query = deleteQuery.parse(searchParams(request));
    const { session } = await connectionContext(request, (await params).id, 'write');
    const options = { version: query.version, recursive: query.recursive ?? false };
    if (options.recursive && request.headers.get('accept')?.includes('application/x-ndjson')) {
      return streamDeleteProgress((onProgress) => deleteNode(session, query.path, { ...options, onProgress }));
    }
    await deleteNode(session, query.path, options);
    return noContent();
  });
}
