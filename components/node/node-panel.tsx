'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { BrowseLink } from '@/components/explorer/browse-link';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/client/api-client';
import { nodeQuery } from '@/lib/client/nodes';
import { browseHref } from '@/lib/client/urls';
import { usePathProblem } from '@/lib/client/path-check';
import { checkPath } from '@/lib/shared/path';
import type { AclEntry, ZkStat } from '@/lib/shared/types';
import { DataEditor } from './data-editor';
import { NodeHeader } from './node-header';
import { NodeDeletedNotice } from '@/components/live/node-deleted-notice';
import { StatPanel } from './stat-panel';
import { AclPanel } from '@/components/acl/acl-panel';
import { RecipeLens } from '@/components/recipes/recipe-lens';
import { SessionLens } from '@/components/recipes/session-lens';
import { NoAuthNotice } from '@/components/auth/no-auth-notice';

function PanelSkeleton() {
  const t = useTranslations('node');
  return (
    <div aria-busy="true" aria-label={t('loading')} className="flex min-h-0 flex-1 flex-col">
      <div className="flex h-16 items-center gap-3 border-b border-border px-4">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="ml-auto h-7 w-64" />
      </div>
      <div className="flex min-h-0 flex-1 gap-4 p-4">
        <Skeleton className="flex-1" />
        <Skeleton className="w-72" />
      </div>
    </div>
  );
}

/** The selected node: its value (viewer and editor) and its stat. */
export function NodePanel({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('node');
  const pathProblem = usePathProblem();
  const check = checkPath(path);
  const query = useQuery({ ...nodeQuery(connection, path), enabled: check.ok });
  if (!check.ok) {
    return (
      <div className="p-4">
        <Alert title={t('invalidPath')}>{t('invalidReason', { reason: pathProblem(check) })}</Alert>
      </div>
    );
  }
  if (query.data === undefined) {
    if (!query.isError) return <PanelSkeleton />;
    if (isApiError(query.error, 'NO_AUTH')) {
      // `exists` still tells the stat, and deleting needs only the parent's permission.
      const { stat, acl } = query.error.details as { stat?: ZkStat | null; acl?: AclEntry[] | null };
      return (
        <div className="flex min-h-0 flex-1 flex-col">
          {stat && <NodeHeader connection={connection} node={{ path, stat }} />}
          <div className="flex min-h-0 flex-1 gap-4 p-4">
            <NoAuthNotice connection={connection} operation="readNode" acl={acl} verifyPath={path} className="h-fit flex-1" />
            {stat && (
              <div className="flex w-68 shrink-0 flex-col gap-4 overflow-auto">
                <StatPanel stat={stat} />
              </div>
            )}
          </div>
        </div>
      );
    }
    return (
      <div className="p-4">
        <ErrorAlert error={query.error}>
          {isApiError(query.error, 'NO_NODE') && typeof query.error.details.nearestAncestor === 'string' && (
            <p className="mt-1">
              <BrowseLink className="text-accent underline" href={browseHref(connection, query.error.details.nearestAncestor)}>
                {t('nearest', { path: query.error.details.nearestAncestor })}
              </BrowseLink>
            </p>
          )}
        </ErrorAlert>
      </div>
    );
  }
  // A failed background refresh keeps the value on screen (and any edit in progress).
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {query.isError && <ErrorAlert error={query.error} className="m-4 mb-0" />}
      <NodeDeletedNotice path={path} />
      <NodeHeader connection={connection} node={query.data} />
      {/* Side by side on wide screens; stacked (and scrolled as one) on narrow ones. */}
      <div className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto p-2 sm:p-4 lg:flex-row lg:overflow-hidden">
        <DataEditor connection={connection} node={query.data} />
        <div className="flex w-full shrink-0 flex-col gap-4 lg:w-68 lg:overflow-auto">
          <RecipeLens connection={connection} node={query.data} />
          <SessionLens connection={connection} path={path} stat={query.data.stat} />
          <StatPanel stat={query.data.stat} />
          <AclPanel connection={connection} path={path} />
        </div>
      </div>
    </div>
  );
}
