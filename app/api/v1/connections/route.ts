import { handle, json } from '@/lib/api/envelope';
import { authenticate } from '@/lib/api/auth';
import { listConnections } from '@/lib/zk/config';
import { getSession } from '@/lib/zk/registry';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return handle(async () => {
    const operator = await authenticate(request, 'read');
    const connections = listConnections().map((c) => ({
      id: c.id,
      name: c.name,
      connectString: c.connectString,
      readOnly: c.readOnly,
      state: getSession(c.id, operator.credentialsFor(c.id)).currentState,
    }));
    return json({ connections });
  });
}
