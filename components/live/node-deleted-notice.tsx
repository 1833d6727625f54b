'use client';

import Link from 'next/link';
import { Alert } from '@/components/ui/error-alert';
import { browseHref } from '@/lib/client/urls';
import { parentPath } from '@/lib/zk/path';
import { useDeletedNotice } from './use-live';

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** Says so when the open node was deleted elsewhere; its last value stays visible below. */
export function NodeDeletedNotice({ connection, path }: { connection: string; path: string }) {
  const notice = useDeletedNotice(path);
  if (!notice) return null;
  return (
    <Alert title="This node was deleted" className="m-4 mb-0">
      <p>
        {path} was deleted at {time.format(notice.at)}
        {notice.by ? ` by ${notice.by}` : ' by another client'}. What you see is its last value; it can no longer be saved.
      </p>
      {path !== '/' && (
        <p className="mt-1">
          <Link className="text-accent underline" href={browseHref(connection, parentPath(path))}>
            Go to the parent node ({parentPath(path)})
          </Link>
        </p>
      )}
    </Alert>
  );
}
