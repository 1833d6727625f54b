import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { lastEventId, sseResponse } from '@/lib/api/sse';
import { openEvents } from '@/lib/services/live/events';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The live event stream (text/event-stream); see docs/api.md "Events (SSE)". */
export const GET = connectionRoute('read', async (context, request) => sseResponse(request.signal, await openEvents(context, lastEventId(request))));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
