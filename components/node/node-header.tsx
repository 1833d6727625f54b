'use client';

import { useQueryClient } from '@tanstack/react-query';
import { RefreshCw, Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { BookmarkToggle } from '@/components/bookmarks/bookmark-toggle';
import { BulkActionsButton } from '@/components/bulk/bulk-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import { useFormat } from '@/lib/client/format';
import { isEphemeral, isSequentialName } from '@/lib/client/node-kind';
import { childrenKeys, nodeKeys } from '@/lib/client/query-keys';
import type { NodeResponse } from '@/lib/shared/wire';
import { baseName } from '@/lib/shared/path';
import { CreateNodeDialog } from './create-node-dialog';
import { DeleteNodeDialog } from './delete-node-dialog';

/** The node's name, path and actions; `node` is only what `exists` tells for a node we may not read. */
export function NodeHeader({ connection, node }: { connection: string; node: Pick<NodeResponse, 'path' | 'stat'> }) {
  const t = useTranslations('node.header');
  const format = useFormat();
  const client = useQueryClient();
  const { path, stat } = node;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: nodeKeys.detail(connection, path) });
    void client.invalidateQueries({ queryKey: childrenKeys.of(connection, path) });
  };
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-2 py-2.5 sm:px-4">
      <div className="min-w-[min(16rem,100%)] flex-1">
        <div className="flex items-center gap-2">
          <h1 className="truncate text-lg font-semibold">{baseName(path)}</h1>
          <BookmarkToggle connection={connection} path={path} />
          {isEphemeral(stat) && <Badge tone="warn">{t('ephemeral')}</Badge>}
          {isSequentialName(baseName(path)) && <Badge tone="accent">{t('sequential')}</Badge>}
          {stat.numChildren > 0 && <Badge>{t('children', { count: stat.numChildren, shown: format.number(stat.numChildren) })}</Badge>}
        </div>
        <div className="flex items-center gap-1 text-xs text-muted">
          <span className="truncate font-mono">{path}</span>
          <CopyButton value={path} label={t('copyPath')} />
        </div>
      </div>
      <Button size="sm" variant="ghost" onClick={() => window.dispatchEvent(new CustomEvent(SHORTCUT_EVENTS.search, { detail: path }))} aria-label={t('search')} title={t('searchTitle')}>
        <Search aria-hidden />
        <span className="max-sm:hidden">{t('search')}</span>
      </Button>
      <Button size="sm" variant="ghost" onClick={refresh} aria-label={t('reload')} title={t('reload')}>
        <RefreshCw aria-hidden />
      </Button>
      <CreateNodeDialog connection={connection} parent={path} parentIsEphemeral={isEphemeral(stat)} />
      <DeleteNodeDialog connection={connection} node={node} />
      <BulkActionsButton connection={connection} path={path} />
    </div>
  );
}
