import { authenticate } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/envelope';
import { listOwnSessions } from '@/lib/ops/own-sessions';

export const dynamic = 'force-dynamic';

/** The dashboard's own ZooKeeper sessions (all connections), with the ephemeral nodes they own. */
export function GET(request: Request) {
  return handle(async () => {
    await authenticate(request, 'read');
    return json({ sessions: await listOwnSessions() });
  });
}
