import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { connectionSummaries } from '@/lib/services/connections';

export const dynamic = 'force-dynamic';

export const GET = route('read', ({ operator }) => json(connectionSummaries(operator)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
