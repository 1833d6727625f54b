'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { BrowseLink } from '@/components/explorer/browse-link';
import { useEffect } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { bookmarksQuery } from '@/lib/client/bookmarks';
import { recordVisit, useRecentNodes } from '@/lib/client/recent-nodes';
import { browseHref } from '@/lib/client/urls';
import { useBrowsePath } from '@/components/explorer/use-browse-path';

function NodeLinks({ list, connection, items, current }: { list: 'bookmarks' | 'recent'; connection: string; items: Array<{ path: string; missing?: boolean }>; current: string }) {
  const t = useTranslations('bookmarks');
  const label = t(`lists.${list}`);
  return (
    <nav aria-label={label} className="min-h-0">
      <h2 className="px-3 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">{label}</h2>
      {items.length === 0 ? (
        <p className="px-3 pb-2 text-xs text-muted">{t(`empty.${list}`)}</p>
      ) : (
        <ul className="pb-1">
          {items.map(({ path, missing }) => (
            <li key={path}>
              <BrowseLink
                href={browseHref(connection, path)}
                aria-current={path === current ? 'page' : undefined}
                title={missing ? t('gone', { path }) : path}
                className={cn('flex items-center gap-1.5 truncate px-3 py-0.5 font-mono text-xs hover:bg-subtle', path === current && 'bg-accent-soft text-accent', missing && 'text-muted line-through')}
              >
                <span className="truncate">{path}</span>
                {missing && <Badge tone="warn">{t('missing')}</Badge>}
              </BrowseLink>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

/** Below the tree: the operator's bookmarks and the nodes visited last (recorded here). */
export function SidebarLists({ connection }: { connection: string }) {
  const current = useBrowsePath();
  useEffect(() => {
    recordVisit(connection, current);
  }, [connection, current]);
  const recent = useRecentNodes(connection);
  const { data } = useQuery(bookmarksQuery(connection));
  const bookmarks = (data?.bookmarks ?? []).map((b) => ({ path: b.path, missing: !b.exists }));
  return (
    <div className="max-h-[40%] shrink-0 overflow-auto border-t border-border">
      <NodeLinks list="bookmarks" connection={connection} items={bookmarks} current={current} />
      <NodeLinks list="recent" connection={connection} items={recent.map((path) => ({ path }))} current={current} />
    </div>
  );
}
