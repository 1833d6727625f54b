/** The audit log (admin): filtered pages, newest first, and the JSON-lines export URL. */
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditFilter, AuditPage } from '@/lib/shared/audit';
import { requestJson } from './api-client';
import { auditKeys } from './query-keys';

const PAGE = 100;

function search(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function auditQuery(filter: AuditFilter) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filter),
    queryFn: ({ pageParam, signal }) => requestJson<AuditPage>(`/api/v1/audit${search(filter, { limit: PAGE, before: pageParam })}`, { signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
}

export function auditExportUrl(filter: AuditFilter): string {
  return `/api/v1/audit/export${search(filter)}`;
}
