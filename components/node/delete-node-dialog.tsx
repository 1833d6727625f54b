'use client';

import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { Input } from '@/components/ui/input';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { isApiError } from '@/lib/client/api-client';
import { useFormat } from '@/lib/client/format';
import { subtreeCountQuery, useDeleteNode } from '@/lib/client/nodes';
import type { NodeResponse } from '@/lib/shared/wire';
import { navigate } from '@/lib/client/navigate';
import { browseHref } from '@/lib/client/urls';
import { GUARDED_DELETE_NODES } from '@/lib/shared/limits';
import { baseName, parentPath } from '@/lib/shared/path';
import { DeletePreview } from './delete-preview';
import { takeDeleteRequest } from './delete-request';
import { ExportFirst } from './export-first';

function isProtected(path: string): boolean {
  return path === '/' || path === '/zookeeper' || path.startsWith('/zookeeper/');
}

/** Delete with confirmation: version-checked for one node; counted and with progress for a subtree. */
export function DeleteNodeDialog({ connection, node }: { connection: string; node: Pick<NodeResponse, 'path' | 'stat'> }) {
  const t = useTranslations('node.delete');
  const tc = useTranslations('common');
  const format = useFormat();
  const router = useRouter();
  const { path, stat } = node;
  const recursive = stat.numChildren > 0;
  const [open, setOpen] = useState(false);
  // The version the operator confirms is the one shown when the dialog opened, even if a newer
  // one arrives meanwhile: the delete is then refused rather than aimed at a value never seen.
  const [seenVersion, setSeenVersion] = useState(stat.version);
  const [progress, setProgress] = useState<{ deleted: number; total: number } | null>(null);
  const [typed, setTyped] = useState('');
  const mutation = useDeleteNode(connection);
  const count = useQuery({ ...subtreeCountQuery(connection, path), enabled: open && recursive });

  const onOpenChange = (next: boolean) => {
    if (mutation.isPending) return;
    if (next) setSeenVersion(stat.version);
    setOpen(next);
    if (!next) {
      mutation.reset();
      setProgress(null);
      setTyped('');
    }
  };

  // The tree's Delete key: on a request for this node (made before or after it mounted).
  const onRequest = useEffectEvent(() => {
    if (takeDeleteRequest(path) && !isProtected(path)) onOpenChange(true);
  });
  useEffect(() => {
    // A request made before this node's panel was on screen is picked up once it is.
    const early = setTimeout(onRequest);
    window.addEventListener(SHORTCUT_EVENTS.deleteNode, onRequest);
    return () => {
      clearTimeout(early);
      window.removeEventListener(SHORTCUT_EVENTS.deleteNode, onRequest);
    };
  }, [path]);

  const run = () => {
    setProgress(null);
    mutation.mutate(
      { path, version: seenVersion, recursive, onProgress: (deleted, total) => setProgress({ deleted, total }) },
      {
        onSuccess: () => {
          toast.success(recursive && total ? t('deletedCount', { path, total }) : t('deleted', { path }));
          setOpen(false);
          navigate(router, browseHref(connection, parentPath(path)));
        },
      },
    );
  };

  const total = count.data ? (count.data.truncated ? t('totalMore', { total: format.number(count.data.count) }) : format.number(count.data.count)) : undefined;
  // A big delete asks for the node's name, so that a slip of the mouse cannot take it.
  const guarded = count.data !== undefined && (count.data.truncated || count.data.count > GUARDED_DELETE_NODES);
  const confirmed = !guarded || typed === baseName(path);
  const label = recursive ? (total ? t('deleteCount', { total }) : t('deleteRecursive')) : t('button');
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <Button size="sm" variant="ghost" className="text-danger" onClick={() => onOpenChange(true)} disabled={isProtected(path)} title={isProtected(path) ? t('protected') : undefined}>
        <Trash2 aria-hidden />
        {t('button')}
      </Button>
      <DialogContent title={recursive ? t('titleRecursive') : t('title')}>
        <div className="space-y-3 text-sm">
          <p>
            <span className="font-mono font-semibold break-all">{path}</span>
          </p>
          {recursive ? (
            <div aria-live="polite">
              {count.isPending && (
                <div className="space-y-1">
                  <span className="sr-only">{t('counting')}</span>
                  <Skeleton className="h-4 w-3/4" />
                </div>
              )}
              {count.data && (
                <p>{t.rich('summary', { count: stat.numChildren, shown: format.number(stat.numChildren), total: total ?? '', strong: (c) => <strong>{c}</strong> })}</p>
              )}
              {count.isError && <ErrorAlert error={count.error} />}
            </div>
          ) : null}
          {recursive && <DeletePreview connection={connection} path={path} numChildren={stat.numChildren} />}
          {guarded && <ExportFirst connection={connection} path={path} />}
          {guarded && (
            <label className="block space-y-1">
              <span className="text-sm">{t.rich('typeToConfirm', { total: total ?? '', name: () => <strong className="font-mono">{baseName(path)}</strong> })}</span>
              <Input value={typed} onChange={(e) => setTyped(e.target.value)} className="w-full font-mono" autoComplete="off" spellCheck={false} />
            </label>
          )}
          {!recursive && (
            <p>{t('single', { version: seenVersion })}</p>
          )}
          {stat.version !== seenVersion && !mutation.error && (
            <Alert tone="warn" title={t('changedTitle')}>
              {t('changed', { now: stat.version, seen: seenVersion })}
            </Alert>
          )}

          {mutation.isPending && recursive && (
            <div className="space-y-1">
              <Progress label={t('progress')} value={progress?.deleted ?? 0} max={progress?.total ?? 1} />
              <p role="status" className="text-xs text-muted tabular-nums">
                {progress ? t('progressText', { deleted: format.number(progress.deleted), total: format.number(progress.total) }) : t('listing')}
              </p>
            </div>
          )}
          {mutation.error && (
            <ErrorAlert error={mutation.error}>
              {isApiError(mutation.error, 'BAD_VERSION') && <p className="mt-1">{t('badVersion')}</p>}
            </ErrorAlert>
          )}

          <div className="flex justify-end gap-2 pt-1">
            <DialogClose asChild>
              <Button disabled={mutation.isPending}>{tc('cancel')}</Button>
            </DialogClose>
            <Button variant="danger" onClick={run} disabled={mutation.isPending || (recursive && !count.data) || !confirmed}>
              {mutation.isPending ? t('deleting') : label}
            </Button>
          </div>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
