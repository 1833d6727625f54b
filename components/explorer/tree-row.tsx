'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { memo, useId, type MouseEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { MiddleTruncate } from '@/components/ui/middle-truncate';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/lib/client/format';
import { mayHaveChildren } from '@/lib/client/node-kind';
import type { ZkStat } from '@/lib/shared/types';
import { NodeMarkers, describeMarkers } from './node-markers';
import type { RowRef } from './tree-model';

export const TREE_ROW_HEIGHT = 28;
export const TREE_INDENT_PX = 14;

interface TreeRowProps {
  /** The list the row belongs to (null for the root), and its place in it. */
  parent: string | null;
  index: number;
  level: number;
  setSize: number;
  /** Undefined while the row's page of names loads. */
  name?: string;
  path?: string;
  /** Undefined until loaded; null when the node vanished since it was listed. */
  stat?: ZkStat | null;
  flatIndex: number;
  top: number;
  focused: boolean;
  selected: boolean;
  expanded: boolean;
  onToggle(path: string): void;
  onOpen(path: string): void;
  onFocusRow(ref: RowRef): void;
}

/** One node of the tree (a WAI-ARIA treeitem), positioned by the virtualizer. */
// Props are primitives (or cached objects), so rows on screen skip re-rendering while scrolling.
export const TreeRow = memo(function TreeRow({ parent, index, level, setSize, name, path, stat, flatIndex, top, focused, selected, expanded, onToggle, onOpen, onFocusRow }: TreeRowProps) {
  const t = useTranslations('explorer');
  const format = useFormat();
  // Until the stat arrives a node might have children; a known leaf has no expand state at all.
  const expandable = path !== undefined && mayHaveChildren(stat);
  const isExpanded = expandable && expanded;
  const ref: RowRef = parent === null ? { parent: null } : { parent, index };
  const descriptionId = useId();
  const description = stat && name ? describeMarkers(name, stat, t) : '';

  const toggle = (e: MouseEvent) => {
    e.stopPropagation();
    if (path !== undefined) onToggle(path);
  };

  return (
    <div
      role="treeitem"
      aria-label={name ?? t('loadingRow')}
      aria-describedby={description ? descriptionId : undefined}
      aria-level={level}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-expanded={expandable ? isExpanded : undefined}
      aria-selected={selected}
      aria-busy={name === undefined || undefined}
      tabIndex={focused ? 0 : -1}
      data-index={flatIndex}
      data-path={path}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(ref)}
      onClick={() => {
        onFocusRow(ref);
        if (path !== undefined) onOpen(path);
      }}
      className={cn(
        'group absolute top-0 left-0 flex w-full cursor-default items-center gap-1 pr-3 text-sm outline-none select-none',
        'focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
        selected ? 'bg-accent-soft font-medium' : 'hover:bg-subtle',
      )}
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${top}px)`, paddingLeft: 8 + (level - 1) * TREE_INDENT_PX }}
    >
      <span aria-hidden onClick={toggle} className="grid size-5 shrink-0 place-items-center rounded text-muted hover:bg-border/60">
        {expandable && (isExpanded ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />)}
      </span>
      {name === undefined ? (
        <Skeleton className="h-3.5 w-40" />
      ) : (
        <>
          <span className="flex min-w-0" title={path}>
            <MiddleTruncate text={name} className={cn(parent === null && 'font-mono')} reveal="group-focus-visible:block" />
          </span>
          <NodeMarkers name={name} stat={stat} />
        </>
      )}
      {description && (
        <span id={descriptionId} className="sr-only">
          {description}
        </span>
      )}
      {stat && stat.numChildren > 0 && (
        <span aria-hidden className="ml-auto pl-2 text-xs text-muted tabular-nums">
          {format.number(stat.numChildren)}
        </span>
      )}
    </div>
  );
});
