import { auditFilterQuery } from '@/lib/api/audit-schemas';
import { attachment } from '@/lib/api/envelope';
import { otherMethods } from '@/lib/api/methods';
import { route } from '@/lib/api/route';
import { searchParams } from '@/lib/api/schemas';
import { auditExport } from '@/lib/services/audit';

export const dynamic = 'force-dynamic';

/** The matching entries as a JSON-lines download (same filters as GET /api/v1/audit). */
export const GET = route('admin', ({ operator }, request) => {
  const { filename, lines } = auditExport(operator, auditFilterQuery.parse(searchParams(request)));
  return attachment(lines, filename, 'application/x-ndjson; charset=utf-8');
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
