'use client';

import { Search, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/lib/client/format';
import { baseName } from '@/lib/shared/path';
import { TREE_INDENT_PX, TREE_ROW_HEIGHT } from './tree-row';

interface TreeFilterProps {
  path: string;
  level: number;
  top: number;
  text: string;
  /** Names must start with the text (otherwise they contain it anywhere). */
  prefixMode: boolean;
  /** Matching children, once known. */
  total: number | undefined;
  onApply(path: string, text: string): void;
  onMode(prefix: boolean): void;
  /** The box got focus: a good moment to load what makes the first keystrokes instant. */
  onFocus(path: string): void;
  /** Back to the tree (Escape on an empty filter). */
  onLeave(path: string): void;
  /** Into the results (ArrowDown). */
  onResults(path: string): void;
}

/**
 * The filter box of one long list: narrows its children by a substring of their names (or, with
 * the toggle, by a prefix) on the server. Every keystroke applies at once: answers the loaded
 * pages decide need no request, and a request made stale by the next keystroke is cancelled.
 */
export function TreeFilter({ path, level, top, text, prefixMode, total, onApply, onMode, onFocus, onLeave, onResults }: TreeFilterProps) {
  const t = useTranslations('explorer.filter');
  const format = useFormat();
  const change = (value: string) => onApply(path, value);

  const settled = total !== undefined;
  const matchText = prefixMode ? t('countStart', { text }) : t('countContain', { text });
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
          aria-label={path === '/' ? t('labelRoot') : t('label', { name: baseName(path) })}
          placeholder={prefixMode ? t('placeholderPrefix') : t('placeholder')}
          value={text}
          onChange={(e) => change(e.target.value)}
          onFocus={() => onFocus(path)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && total !== 0) {
              e.preventDefault();
              onResults(path);
            }
            if (e.key !== 'Escape') return;
            e.preventDefault();
            if (text) change('');
            else onLeave(path);
          }}
          className="min-w-0 flex-1 bg-transparent text-xs outline-none placeholder:text-muted [&::-webkit-search-cancel-button]:hidden"
        />
        {text && (
          <button type="button" aria-label={t('clear')} onClick={() => change('')} className="rounded text-muted hover:text-fg">
            <X className="size-3.5" />
          </button>
        )}
        <button
          type="button"
          aria-pressed={prefixMode}
          aria-label={t('prefixMode')}
          title={prefixMode ? t('prefixOn') : t('prefixOff')}
          onClick={() => onMode(!prefixMode)}
          className="rounded px-0.5 font-mono text-xs text-muted hover:text-fg aria-pressed:bg-accent-soft aria-pressed:text-fg"
        >
          a…
        </button>
      </div>
      <span aria-live="polite" className="w-14 shrink-0 text-right text-xs text-muted tabular-nums">
        {settled ? format.number(total) : '…'}
        <span className="sr-only">{settled ? (text ? matchText : t('countAll')) : t('searching')}</span>
      </span>
    </div>
  );
}
