import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { noteConnectionVisit } from '@/lib/services/ensemble';
import { sessionInfo } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

/** Every page of a connection polls this: a visit, which keeps the ensemble charts' sampler running. */
export const GET = connectionRoute('read', async (context) => {
  noteConnectionVisit(context);
  return json(await sessionInfo(context.session));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
