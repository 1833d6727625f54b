'use client';

import { Search, X } from 'lucide-react';
import { baseName } from '@/lib/shared/path';
import { TREE_INDENT_PX, TREE_ROW_HEIGHT } from './tree-row';

interface TreeFilterProps {
  path: string;
  level: number;
  top: number;
  prefix: string;
  /** Matching children, once known. */
  total: number | undefined;
  onApply(path: string, prefix: string): void;
  /** The box got focus: a good moment to load what makes the first keystrokes instant. */
  onFocus(path: string): void;
  /** Back to the tree (Escape on an empty filter). */
  onLeave(path: string): void;
  /** Into the results (ArrowDown). */
  onResults(path: string): void;
}

/**
 * The filter box of one long list: narrows its children by name prefix on the server. Every
 * keystroke applies at once: answers the loaded pages decide need no request, and a request
 * made stale by the next keystroke is cancelled (the server answers one in a few ms).
 */
export function TreeFilter({ path, level, top, prefix, total, onApply, onFocus, onLeave, onResults }: TreeFilterProps) {
  const change = (value: string) => onApply(path, value);

  const name = path === '/' ? 'the root' : baseName(path);
  const settled = total !== undefined;
  return (
    <div
      data-filter-for={path}
      className="absolute top-0 left-0 flex w-full items-center gap-1.5 pr-3"
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${top}px)`, paddingLeft: 8 + (level - 1) * TREE_INDENT_PX + 4 }}
    >
      <div className="flex h-6 min-w-0 flex-1 items-center gap-1 rounded border border-border bg-bg px-1.5 focus-within:border-ring">
        <Search aria-hidden className="size-3.5 shrink-0 text-muted" />
        <input
          type="search"
          aria-label={`Filter children of ${name}`}
          placeholder="Filter by name prefix…"
          value={prefix}
          onChange={(e) => change(e.target.value)}
          onFocus={() => onFocus(path)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && total !== 0) {
              e.preventDefault();
              onResults(path);
            }
            if (e.key !== 'Escape') return;
            e.preventDefault();
            if (prefix) change('');
            else onLeave(path);
          }}
          className="min-w-0 flex-1 bg-transparent text-xs outline-none placeholder:text-muted [&::-webkit-search-cancel-button]:hidden"
        />
        {prefix && (
          <button type="button" aria-label="Clear filter" onClick={() => change('')} className="rounded text-muted hover:text-fg">
            <X className="size-3.5" />
          </button>
        )}
      </div>
      <span aria-live="polite" className="w-14 shrink-0 text-right text-xs text-muted tabular-nums">
        {settled ? total.toLocaleString() : '…'}
        <span className="sr-only">{settled ? (prefix ? ` children start with “${prefix}”` : ' children') : ' searching'}</span>
      </span>
    </div>
  );
}
