'use client';

import { Alert } from '@/components/ui/error-alert';
import { timeOfDay } from '@/lib/shared/units';
import { useDeletedNotice } from './use-live';


/** Says so when the open node was deleted elsewhere; its last value stays visible below. */
export function NodeDeletedNotice({ path }: { path: string }) {
  const notice = useDeletedNotice(path);
  if (!notice) return null;
  return (
    <Alert title="This node was deleted" className="m-4 mb-0">
      {path} was deleted at {timeOfDay(notice.at)}
      {notice.by ? ` by ${notice.by}` : ' by another client'}. What you see is its last value; it can no longer be saved.
    </Alert>
  );
}
