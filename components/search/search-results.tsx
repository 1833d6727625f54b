'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslations } from 'next-intl';
import { BrowseLink } from '@/components/explorer/browse-link';
import { useMemo, useRef } from 'react';
import type { SearchMatch } from '@/lib/shared/search';

type Row = { kind: 'group'; path: string; count: number } | { kind: 'match'; match: SearchMatch };

const ROW_HEIGHT = 28;

/** Matches grouped by path, in the order their first match arrived. */
function rowsOf(matches: readonly SearchMatch[]): Row[] {
  const groups = new Map<string, SearchMatch[]>();
  for (const m of matches) {
    const group = groups.get(m.path);
    if (group) group.push(m);
    else groups.set(m.path, [m]);
  }
  return [...groups].flatMap(([path, ms]): Row[] => [{ kind: 'group', path, count: ms.length }, ...ms.map((match): Row => ({ kind: 'match', match }))]);
}

function Snippet({ match }: { match: SearchMatch }) {
  return (
    <span className="truncate font-mono text-xs">
      {match.snippet.slice(0, match.start)}
      <mark className="rounded-sm bg-warn-soft px-0.5 text-fg">{match.snippet.slice(match.start, match.end)}</mark>
      {match.snippet.slice(match.end)}
    </span>
  );
}

/** The results as a virtualized list (thousands stream in); each match opens its node. */
export function SearchResults({ matches, hrefOf }: { matches: readonly SearchMatch[]; hrefOf(match: SearchMatch): string }) {
  const t = useTranslations('search');
  const rows = useMemo(() => rowsOf(matches), [matches]);
  const scroll = useRef<HTMLDivElement>(null);
  // The compiler skips this component for useVirtualizer's mutable instance (TanStack/virtual#1119).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroll.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <div ref={scroll} className="min-h-0 flex-1 overflow-auto">
      <ul aria-label={t('results')} className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return (
            <li
              key={item.key}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="absolute left-0 flex w-full items-center px-3"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'group' ? (
                <span className="flex min-w-0 items-center gap-2 text-xs font-semibold" title={row.path}>
                  <span className="truncate font-mono">{row.path}</span>
                  <span className="shrink-0 text-muted">{row.count}</span>
                </span>
              ) : (
                <BrowseLink
                  href={hrefOf(row.match)}
                  aria-label={row.match.in === 'name' ? t('nameMatch', { path: row.match.path, snippet: row.match.snippet }) : t('lineMatch', { path: row.match.path, line: row.match.line ?? 0, snippet: row.match.snippet })}
                  className="flex min-w-0 flex-1 items-center gap-2 rounded px-2 py-0.5 hover:bg-subtle"
                >
                  <span className="w-10 shrink-0 text-right text-[10px] text-muted uppercase">{row.match.in === 'name' ? t('nameTag') : t('lineTag', { line: row.match.line ?? 0 })}</span>
                  <Snippet match={row.match} />
                </BrowseLink>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
