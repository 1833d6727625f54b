import { authenticate } from '@/lib/api/auth';
import { handle } from '@/lib/api/envelope';
import { searchParams } from '@/lib/api/schemas';
import { exportAudit } from '@/lib/audit/export';
import { auditFilterQuery } from '@/lib/audit/schemas';

export const dynamic = 'force-dynamic';

/** The matching entries as a JSON-lines download (same filters as GET /api/v1/audit). */
export function GET(request: Request) {
  return handle(async () => {
    await authenticate(request, 'admin');
    return exportAudit(auditFilterQuery.parse(searchParams(request)));
  });
}
