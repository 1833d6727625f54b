import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { sessionInfo } from '@/lib/services/sessions';

export const dynamic = 'force-dynamic';

export const GET = connectionRoute('read', async ({ session }) => json(await sessionInfo(session)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
