import { authenticate } from '@/lib/api/auth';
import { handle, json } from '@/lib/api/envelope';
import { searchParams } from '@/lib/api/schemas';
import { auditPageQuery } from '@/lib/audit/schemas';
import { queryAudit } from '@/lib/audit/store';

export const dynamic = 'force-dynamic';

/** Audit entries, newest first, filtered by path (and below), operator, connection, operation, time. */
export function GET(request: Request) {
  return handle(async () => {
    await authenticate(request, 'admin');
    return json(queryAudit(auditPageQuery.parse(searchParams(request))));
  });
}
