import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { childrenQuery, searchParams } from '@/lib/api/schemas';
import { listChildren } from '@/lib/zk/children';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    const { path, ...query } = childrenQuery.parse(searchParams(request));
    return json(await listChildren(session, path, query));
  });
}
