/** Query parameters of the audit routes. */
import 'server-only';
import { z } from 'zod';
import { AUDIT_OPERATIONS } from '@/lib/shared/audit';

/** A time as milliseconds since the epoch or an ISO 8601 date/time. */
const timeParam = (name: string) =>
  z.string().transform((v, ctx) => {
    const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an ISO date/time or milliseconds since the epoch` });
      return z.NEVER;
    }
    return t;
  });

const idParam = z.string().regex(/^\d+$/, 'before must be an entry id').transform(Number);

export const auditFilterQuery = z.object({
  path: z.string().optional(),
  operator: z.string().optional(),
  connection: z.string().optional(),
  operation: z.enum(AUDIT_OPERATIONS, { error: `operation must be one of ${AUDIT_OPERATIONS.join(', ')}` }).optional(),
  from: timeParam('from').optional(),
  to: timeParam('to').optional(),
});

export const auditPageQuery = auditFilterQuery.extend({
  before: idParam.optional(),
  limit: z
    .string()
    .regex(/^\d+$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be at least 1').max(1000, 'limit must be at most 1000'))
    .optional(),
});
