import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { connectionRoute } from '@/lib/api/route';
import { capabilities } from '@/lib/services/capabilities';

export const dynamic = 'force-dynamic';

/** What the server supports (TTL nodes), probed once per session without writing. */
export const GET = connectionRoute('read', async ({ session }) => json(await capabilities(session)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
