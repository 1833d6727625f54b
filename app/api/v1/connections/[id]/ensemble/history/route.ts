import { connectionContext } from '@/lib/api/context';
import { handle, json } from '@/lib/api/envelope';
import { getEnsembleHistory } from '@/lib/ops/ensemble-history';
import { probeEnsemble } from '@/lib/ops/probe';

export const dynamic = 'force-dynamic';

/** The last 15 minutes of samples; asking keeps the server-side sampler running for a minute. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const { connection, session } = await connectionContext(request, (await params).id, 'read');
    return json(getEnsembleHistory(connection.id, () => probeEnsemble(session)));
  });
}
