'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { childrenPageQuery, localPrefixPage } from '@/lib/client/children';
import { baseName } from '@/lib/zk/path';
import { TREE_ROW_HEIGHT } from './tree-row';

/** Waiting for the server only after a pause in typing; answers known locally apply at once. */
const SERVER_DEBOUNCE_MS = 120;

interface TreeFilterProps {
  connection: string;
  path: string;
  level: number;
  top: number;
  /** The applied filter. */
  prefix: string;
  /** Matching children, once known. */
  total: number | undefined;
  onApply(path: string, prefix: string): void;
  /** Back to the tree (Escape on an empty filter). */
  onLeave(path: string): void;
}

/** The filter box of one long list: narrows its children by name prefix on the server. */
export function TreeFilter({ connection, path, level, top, prefix, total, onApply, onLeave }: TreeFilterProps) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(prefix);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (value: string) => {
    setDraft(value);
    clearTimeout(timer.current);
    const known = value === '' || client.getQueryData(childrenPageQuery(connection, path, value, 0).queryKey) !== undefined || localPrefixPage(client, connection, path, value, 0) !== undefined;
    if (known) onApply(path, value);
    else timer.current = setTimeout(() => onApply(path, value), SERVER_DEBOUNCE_MS);
  };

  const name = path === '/' ? 'the root' : baseName(path);
  const settled = draft === prefix && total !== undefined;
  return (
    <div
      data-filter-for={path}
      className="absolute top-0 left-0 flex w-full items-center gap-1.5 pr-3"
      style={{ height: TREE_ROW_HEIGHT, transform: `translateY(${top}px)`, paddingLeft: 8 + (level - 1) * 14 + 4 }}
    >
      <div className="flex h-6 min-w-0 flex-1 items-center gap-1 rounded border border-border bg-bg px-1.5 focus-within:border-ring">
        <Search aria-hidden className="size-3.5 shrink-0 text-muted" />
        <input
          type="search"
          aria-label={`Filter children of ${name}`}
          placeholder="Filter by name prefix…"
          value={draft}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            if (draft) change('');
            else onLeave(path);
          }}
          className="min-w-0 flex-1 bg-transparent text-xs outline-none placeholder:text-muted [&::-webkit-search-cancel-button]:hidden"
        />
        {draft && (
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
