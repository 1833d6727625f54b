'use client';

import { useQuery } from '@tanstack/react-query';
import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { NoAuthNotice } from '@/components/auth/no-auth-notice';
import { useAccess } from '@/components/auth/use-access';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { aclQuery } from '@/lib/client/acl';
import { isApiError } from '@/lib/client/api-client';
import { AclEditor } from './acl-editor';
import { AclList } from './acl-list';
import { SaveAclDialog } from './save-acl-dialog';

/** The open node's ACL, and (for admins) the editor. */
export function AclPanel({ connection, path }: { connection: string; path: string }) {
  const query = useQuery(aclQuery(connection, path));
  const access = useAccess(connection, 'admin');
  const [editing, setEditing] = useState(false);
  const actions = (
    <>
      {query.data && <span className="text-xs text-muted">version {query.data.stat.aversion}</span>}
      <span className="ml-auto" />
      {/* The buttons as one group on the right, wrapping together in a narrow card. */}
      <div className="ml-auto flex flex-wrap justify-end gap-x-2 gap-y-1">
      {query.data && <SaveAclDialog connection={connection} path={path} acl={query.data.acl} />}
      <DialogRoot open={editing} onOpenChange={setEditing}>
        <Button size="sm" variant="ghost" disabled={!query.data || !access.allowed} title={access.reason ?? 'Edit the ACL'} onClick={() => setEditing(true)}>
          <Pencil aria-hidden />
          Edit ACL
        </Button>
        {query.data && (
          <DialogContent title={`ACL of ${path}`} width="w-[min(760px,94vw)]" description="Who may do what on this node: c create children, d delete children, r read, w write data, a change the ACL.">
            <AclEditor key={path} connection={connection} path={path} loaded={query.data} onSaved={() => setEditing(false)} />
          </DialogContent>
        )}
      </DialogRoot>
      </div>
    </>
  );
  return (
    <Panel id="acl-heading" title="ACL" actions={actions} className="shrink-0">
      {query.data ? (
        <AclList acl={query.data.acl} label={`ACL entries of ${path}`} />
      ) : query.isError ? (
        isApiError(query.error, 'NO_AUTH') ? (
          <NoAuthNotice connection={connection} operation="readAcl" className="m-2" />
        ) : (
          <ErrorAlert error={query.error} className="m-2" />
        )
      ) : (
        <Skeleton className="m-3 h-5" />
      )}
    </Panel>
  );
}
