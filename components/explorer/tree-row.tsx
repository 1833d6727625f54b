'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { CHILDREN_PAGE, childrenPageQuery, childStatsQuery, STAT_CHUNK } from '@/lib/client/children';
import { joinPath } from '@/lib/zk/path';
import type { ZkStat } from '@/lib/zk/types';
import { NodeMarkers, describeMarkers } from './node-markers';
import type { Row, RowRef } from './tree-model';

export const TREE_ROW_HEIGHT = 28;
const INDENT_PX = 14;

interface TreeRowProps {
  connection: string;
  row: Extract<Row, { kind: 'root' | 'child' }>;
  /** The filter of the list this row belongs to. */
  prefix: string;
  flatIndex: number;
  top: number;
  focused: boolean;
  selected: string;
  expanded: ReadonlySet<string>;
  /** Stats load once scrolling settles, for the rows then on screen. */
  statsEnabled: boolean;
  onToggle(path: string): void;
  onOpen(path: string): void;
  onFocusRow(ref: RowRef): void;
}

/** Name and stat of a row: names come in pages, stats in small chunks for rows on screen. */
function useRowNode(connection: string, row: TreeRowProps['row'], prefix: string, statsEnabled: boolean): { name?: string; stat?: ZkStat | null } {
  const client = useQueryClient();
  const parent = row.kind === 'child' ? row.parent : '/';
  const index = row.kind === 'child' ? row.index : 0;
  // The root's own stat arrives with its first page of children.
  const page = useQuery({
    ...childrenPageQuery(connection, parent, prefix, Math.floor(index / CHILDREN_PAGE), client),
    select: (p) => (row.kind === 'root' ? { name: '/', stat: p.stat } : { name: p.children[index - p.offset]?.name }),
  });
  const name = row.kind === 'root' ? '/' : page.data?.name;
  const stats = useQuery({
    ...childStatsQuery(connection, parent, prefix, Math.floor(index / STAT_CHUNK)),
    enabled: row.kind === 'child' && statsEnabled && name !== undefined,
    select: (chunk) => chunk.children[index - chunk.offset],
  });
  if (row.kind === 'root') return { name, stat: page.data?.stat };
  return { name, stat: stats.data && stats.data.name === name ? stats.data.stat : undefined };
}

export const TreeRow = memo(function TreeRow({ connection, row, prefix, flatIndex, top, focused, selected, expanded, statsEnabled, onToggle, onOpen, onFocusRow }: TreeRowProps) {
  const { name, stat } = useRowNode(connection, row, prefix, statsEnabled);
  const path = row.kind === 'root' ? '/' : name === undefined ? undefined : joinPath(row.parent, name);
  // Until the stat arrives a node might have children; a known leaf has no expand state at all.
  const expandable = stat === undefined || (stat !== null && stat.numChildren > 0);
  const isExpanded = path !== undefined && expandable && expanded.has(path);
  const isSelected = path !== undefined && path === selected;
  const ref: RowRef = row.kind === 'root' ? { parent: null } : { parent: row.parent, index: row.index };

  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    if (path !== undefined) onToggle(path);
  };

  return (
    <div
      role="treeitem"
      aria-label={name ?? 'Loading…'}
      aria-description={stat && name ? describeMarkers(name, stat) : undefined}
      aria-level={row.level}
      aria-setsize={row.kind === 'child' ? row.setSize : 1}
      aria-posinset={row.kind === 'child' ? row.index + 1 : 1}
      aria-expanded={expandable && path !== undefined ? isExpanded : undefined}
      aria-selected={isSelected}
      aria-busy={name === undefined || undefined}
      tabIndex={focused ? 0 : -1}
      data-index={flatIndex}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(ref)}
      onClick={() => {
        onFocusRow(ref);
        if (path !== undefined) onOpen(path);
      }}
      className={cn(
        'absolute top-0 left-0 flex w-full cursor-default items-center gap-1 pr-3 text-sm outline-none select-none',
        'hover:bg-subtle focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
        isSelected && 'bg-accent-soft font-medium hover:bg-accent-soft',
      )}
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${top}px)`, paddingLeft: 8 + (row.level - 1) * INDENT_PX }}
    >
      <span aria-hidden onClick={toggle} className="grid size-5 shrink-0 place-items-center rounded text-muted hover:bg-border/60">
        {expandable && path !== undefined && (isExpanded ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />)}
      </span>
      {name === undefined ? (
        <Skeleton className="h-3.5 w-40" />
      ) : (
        <>
          <span className={cn('truncate', row.kind === 'root' && 'font-mono')} title={path}>
            {name}
          </span>
          <NodeMarkers name={name} stat={stat} />
        </>
      )}
      {stat && stat.numChildren > 0 && (
        <span aria-hidden className="ml-auto pl-2 text-xs text-muted tabular-nums">
          {stat.numChildren.toLocaleString()}
        </span>
      )}
    </div>
  );
});
