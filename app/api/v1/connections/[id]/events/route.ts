import { connectionContext } from '@/lib/api/context';
import { handle } from '@/lib/api/envelope';
import { openEventStream } from '@/lib/api/live-stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The live event stream (text/event-stream); see docs/api.md "Events (SSE)". */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    const ctx = await connectionContext(request, (await params).id, 'read');
    return openEventStream(request, ctx);
  });
}
