import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { pathParam, searchParams } from '@/lib/api/schemas';
import { countSubtree } from '@/lib/zk/subtree';

export const dynamic = 'force-dynamic';

/** How many nodes a recursive delete would remove (for the confirmation dialog). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    const path = pathParam.parse(searchParams(request).path);
    return json({ path, ...(await countSubtree(session, path)) });
  });
}
