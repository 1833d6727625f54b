import { auditPageQuery } from '@/lib/api/audit-schemas';
import { json } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { auditPage } from '@/lib/services/audit';

export const dynamic = 'force-dynamic';

/** Audit entries, newest first, filtered by path (and below), operator, connection, operation, time. */
export const GET = route('admin', async ({ operator }, request) => json(await auditPage(operator, auditPageQuery.parse(searchParams(request)))));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
