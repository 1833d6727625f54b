'use client';

import { useQuery } from '@tanstack/react-query';
import { Pencil } from 'lucide-react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('acl');
  const query = useQuery(aclQuery(connection, path));
  const access = useAccess(connection, 'admin');
  const [editing, setEditing] = useState(false);
  const actions = (
    <>
      {query.data && <span className="text-xs whitespace-nowrap text-muted">{t('version', { version: query.data.stat.aversion })}</span>}
      {/* The buttons as one group on the right, wrapping together in a narrow card. */}
      <div className="ml-auto flex flex-wrap justify-end gap-x-2 gap-y-1">
        {query.data && <SaveAclDialog connection={connection} path={path} acl={query.data.acl} />}
        <DialogRoot open={editing} onOpenChange={setEditing}>
          <Button size="sm" variant="ghost" disabled={!query.data || !access.allowed} title={access.reason ?? t('editTitle')} onClick={() => setEditing(true)}>
            <Pencil aria-hidden />
            {t('edit')}
          </Button>
          {query.data && (
            <DialogContent title={t('dialogTitle', { path })} width="w-[min(760px,94vw)]" description={t('dialogDescription')}>
              <AclEditor key={path} connection={connection} path={path} loaded={query.data} onSaved={() => setEditing(false)} />
            </DialogContent>
          )}
        </DialogRoot>
      </div>
    </>
  );
  return (
    <Panel id="acl-heading" title={t('panelTitle')} actions={actions} className="shrink-0">
      {query.data ? (
        <AclList acl={query.data.acl} label={t('entriesOf', { path })} />
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
