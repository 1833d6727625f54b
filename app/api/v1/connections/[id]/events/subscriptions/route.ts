import { json, readJson } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { subscriptionsBody } from '@/lib/api/schemas';
import { changeSubscriptions } from '@/lib/services/live/events';

export const dynamic = 'force-dynamic';

/** Changes what an open event stream watches: `{stream, add:[{path, kind}], remove:[…]}`. */
export const POST = connectionRoute('read', async (context, request) => json(await changeSubscriptions(context, subscriptionsBody.parse(await readJson(request)))));

export const { GET, HEAD, PUT, PATCH, DELETE } = otherMethods({ POST });
