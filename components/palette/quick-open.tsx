'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import { bookmarksQuery } from '@/lib/client/bookmarks';
import { useGuardedPush } from '@/lib/client/guarded-router';
import { useFormat } from '@/lib/client/format';
import { useRecentNodes } from '@/lib/client/recent-nodes';
import { browseHref, sectionHref } from '@/lib/client/urls';
import { paletteOptions, type PaletteGroup, type PaletteHint, type PaletteOption } from './palette-options';
import { usePathCompletions } from './use-path-completions';

interface QuickOpenProps {
  connection: string;
  open: boolean;
  onOpenChange(open: boolean): void;
}

const optionId = (i: number) => `quick-open-option-${i}`;

/**
 * The Ctrl/Cmd+K palette: a WAI-ARIA combobox over a listbox. A typed path completes segment by
 * segment from the server (Tab takes the highlighted completion); bookmarks and recent nodes come
 * first; without a leading "/" it also lists the app's actions. Enter opens the highlighted entry.
 */
export function QuickOpen({ connection, open, onOpenChange }: QuickOpenProps) {
  const t = useTranslations('palette');
  const format = useFormat();
  const push = useGuardedPush();
  const { resolvedTheme, setTheme } = useTheme();
  const [typed, setTyped] = useState('');
  const [active, setActive] = useState(0);
  const recent = useRecentNodes(connection);
  const { data: marks } = useQuery({ ...bookmarksQuery(connection), enabled: open });
  const completions = usePathCompletions(connection, typed.trim(), open && typed.trim().startsWith('/'));

  const options = useMemo(() => {
    const section = (s: Parameters<typeof sectionHref>[1]) => () => push(sectionHref(connection, s));
    const actions = [
      { label: t('actions.browse'), run: section('browse') },
      { label: t('actions.ensemble'), run: section('ensemble') },
      { label: t('actions.kafka'), run: section('kafka') },
      { label: t('actions.events'), run: section('events') },
      { label: t('actions.search'), run: () => window.dispatchEvent(new Event(SHORTCUT_EVENTS.search)) },
      { label: t('actions.theme'), run: () => setTheme(resolvedTheme === 'dark' ? 'light' : 'dark') },
    ];
    return paletteOptions({
      typed,
      bookmarks: (marks?.bookmarks ?? []).map((b) => ({ path: b.path, missing: !b.exists })),
      recent,
      completions: completions.paths,
      completionsTotal: completions.total,
      actions,
    });
  }, [t, typed, marks, recent, completions.paths, completions.total, push, connection, setTheme, resolvedTheme]);
  const groupName = (group: PaletteGroup) => (group === 'children' ? t('groups.children', { parent: completions.parent }) : t(`groups.${group}`));
  const hintText = (hint: PaletteHint) => (hint.key === 'more' ? t('hints.more', { shown: format.number(hint.count) }) : t(`hints.${hint.key}`));

  const current = Math.min(active, options.length - 1);
  // Braces: Chromium's scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const type = (value: string) => {
    setTyped(value);
    setActive(0);
  };
  const choose = (option: PaletteOption | undefined) => {
    if (!option) return;
    onOpenChange(false);
    type('');
    if (option.path) push(browseHref(connection, option.path));
    else option.run?.();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % Math.max(1, options.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(options[current]);
    } else if (e.key === 'Tab' && typed.startsWith('/')) {
      // Completes the highlighted node (or the first completion) and goes on to its children.
      const target = options[current]?.group === 'children' ? options[current] : options.find((o) => o.group === 'children');
      if (target?.path) {
        e.preventDefault();
        type(`${target.path}/`);
      }
    }
  };

  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content aria-describedby={undefined} className="fixed top-[15vh] left-1/2 z-50 w-[min(640px,92vw)] -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-panel shadow-xl">
          <RadixDialog.Title className="sr-only">{t('title')}</RadixDialog.Title>
          <input
            role="combobox"
            aria-label={t('input')}
            aria-expanded={options.length > 0}
            aria-controls="quick-open-list"
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
            value={typed}
            onChange={(e) => type(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t('placeholder')}
            spellCheck={false}
            autoComplete="off"
            className="h-11 w-full border-b border-border bg-panel px-4 font-mono text-sm outline-none"
          />
          <div id="quick-open-list" role="listbox" aria-label={t('suggestions')} className="max-h-[50vh] overflow-auto py-1">
            {options.length === 0 && <p className="px-4 py-3 text-sm text-muted">{t('nothing')}</p>}
            {groups.map((group) => (
              <div key={group} role="group" aria-label={groupName(group)}>
                <div aria-hidden className="px-4 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-muted uppercase">
                  {groupName(group)}
                </div>
                {options.map((o, i) =>
                  o.group !== group ? null : (
                    <div
                      key={o.id}
                      id={optionId(i)}
                      role="option"
                      aria-label={o.hint ? t('optionWithHint', { label: o.label, hint: hintText(o.hint) }) : o.label}
                      aria-selected={i === current}
                      onPointerMove={() => setActive(i)}
                      onClick={() => choose(o)}
                      className={cn('flex cursor-default items-center gap-2 px-4 py-1 text-sm', o.path && 'font-mono', i === current && 'bg-accent-soft text-accent')}
                    >
                      <span className="truncate">{o.label}</span>
                      {o.hint && <span className="ml-auto shrink-0 font-sans text-xs text-muted">{hintText(o.hint)}</span>}
                    </div>
                  ),
                )}
              </div>
            ))}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
