import { connectionContext } from '@/lib/api/context';
import { handle, json, readJson } from '@/lib/api/envelope';
import { changeSubscriptions, subscriptionsBody } from '@/lib/api/live-stream';

export const dynamic = 'force-dynamic';

/** Changes what an open event stream watches: `{stream, add:[{path, kind}], remove:[…]}`. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(async () => {
    // Who is asking first: a stranger learns nothing, not even whether the body was valid.
    const ctx = await connectionContext(request, (await params).id, 'read');
    const body = subscriptionsBody.parse(await readJson(request));
    return json(await changeSubscriptions(ctx, body));
  });
}
