import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { probeEnsemble } from '@/lib/ops/probe';

export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { session } = await connectionContext(request, (await params).id, 'read');
    return json(await probeEnsemble(session));
  });
}
