import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { describeSession } from '@/lib/zk/session-info';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    return json(await describeSession(session));
  });
}
