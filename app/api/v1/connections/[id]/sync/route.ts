import { connectionContext } from '@/lib/api/context';
import { handle, noContent } from '@/lib/api/envelope';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { syncPath } from '@/lib/zk/nodes';

export const dynamic = 'force-dynamic';

export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    const path = pathParam.parse(searchParams(request).path);
    await syncPath(session, path);
    return noContent();
  });
}
