'use client';

import { useQueryClient } from '@tanstack/react-query';
import { CornerDownLeft } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { usePathCompletions } from '@/components/palette/use-path-completions';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { isApiError } from '@/lib/client/api-client';
import { useDescribeError } from '@/lib/client/errors';
import { useFormat } from '@/lib/client/format';
import { useGuardedPush } from '@/lib/client/guarded-router';
import { nodeQuery } from '@/lib/client/nodes';
import { browseHref } from '@/lib/client/urls';
import { usePathProblem } from '@/lib/client/path-check';
import { checkPath, normalizeTypedPath } from '@/lib/shared/path';

/** What completions are listed for: the typed text with its leading slash, slashes merged (a trailing one kept). */
const completionBase = (typed: string) => `/${typed.trim()}`.replace(/\/{2,}/g, '/');

/**
 * Jump to any path: normalised where unambiguous (`apps/x/` is `/apps/x`), completed segment by
 * segment from the server as you type (a combobox: arrows pick, Tab completes, Enter goes), and
 * checked locally then for existence, so a typo never leaves the current node.
 */
export function PathBar({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('explorer.pathBar');
  const pathProblem = usePathProblem();
  const format = useFormat();
  const client = useQueryClient();
  const push = useGuardedPush();
  const describeError = useDescribeError();
  const [value, setValue] = useState(path);
  const [typing, setTyping] = useState(false);
  const [active, setActive] = useState(-1);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const listId = useId();
  const base = completionBase(value);
  const completions = usePathCompletions(connection, base, typing);
  const options = completions.paths.filter((p) => p !== base);
  const open = typing && options.length > 0;
  const optionId = (i: number) => `${listId}-${i}`;

  const go = async (typed: string) => {
    const target = normalizeTypedPath(typed);
    setValue(target);
    setTyping(false);
    const check = checkPath(target);
    if (!check.ok) return setProblem(t('invalid', { reason: pathProblem(check) }));
    setBusy(true);
    try {
      await client.fetchQuery(nodeQuery(connection, target));
      setProblem(null);
      push(browseHref(connection, target));
    } catch (error) {
      setProblem(isApiError(error, 'NO_NODE') ? t('noNode', { path: target }) : t('failed', { title: describeError(error).title, message: describeError(error).message }));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void go(open && active >= 0 ? options[active] : value);
  };
  const type = (text: string) => {
    setValue(text);
    setTyping(true);
    setActive(-1);
    setProblem(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
    } else if (open && e.key === 'Tab' && !e.shiftKey) {
      // Completes the highlighted (or the first) name and goes on to its children.
      e.preventDefault();
      type(`${options[Math.max(active, 0)]}/`);
    } else if (e.key === 'Escape') {
      // The first Escape closes the list, the next one puts back the open node's path.
      if (!open) {
        setValue(path);
        setProblem(null);
      }
      setTyping(false);
    }
  };

  return (
    <form role="search" aria-label={t('form')} onSubmit={submit} className="relative flex w-[26rem] max-w-full min-w-0 items-center gap-1">
      <input
        data-shortcut="path-bar"
        role="combobox"
        aria-label={t('input')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        value={value}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTyping(false)}
        spellCheck={false}
        autoComplete="off"
        placeholder="/path/to/node"
        className={cn('h-7 min-w-0 flex-1 rounded-md border bg-bg px-2 font-mono text-sm', problem ? 'border-danger' : 'border-border')}
      />
      <Button type="submit" size="sm" disabled={busy}>
        <CornerDownLeft aria-hidden />
        {t('go')}
      </Button>
      <div id={listId} role="listbox" aria-label={t('completions')} hidden={!open} className="absolute top-full right-0 left-0 z-30 mt-1 max-h-64 overflow-auto rounded-md border border-border bg-panel py-1 shadow-lg">
        {options.map((p, i) => (
          <div
            key={p}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Keeps the input focused (a blur would close the list before the click lands).
            onPointerDown={(e) => e.preventDefault()}
            onClick={() => void go(p)}
            className={cn('cursor-default truncate px-2 py-0.5 font-mono text-sm', i === active && 'bg-accent-soft text-accent')}
          >
            {p}
          </div>
        ))}
        {completions.total !== undefined && completions.total > options.length && (
          <p className="px-2 pt-1 text-xs text-muted">
            {t('more', { total: format.number(completions.total), parent: completions.parent })}
          </p>
        )}
      </div>
      {problem && (
        <p id={errorId} role="alert" className="absolute top-full right-0 left-0 z-30 mt-1 rounded-md border border-danger/40 bg-danger-soft px-2 py-1 text-xs shadow">
          {problem}
        </p>
      )}
    </form>
  );
}
