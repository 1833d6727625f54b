'use client';

import { Square, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input, LabeledSelect } from '@/components/ui/input';
import { useFormat, type Format } from '@/lib/client/format';
import type { SearchInput } from '@/lib/client/search';
import { SEARCH_MODES, type SearchDone, type SearchMatch, type SearchMode } from '@/lib/shared/search';
import { SearchResults } from './search-results';
import { useSearchStream } from './use-search-stream';

type Translate = ReturnType<typeof useTranslations<'search'>>;

function summary(done: SearchDone, t: Translate, format: Format): string {
  const n = format.number;
  const parts = [t('summary.matches', { count: done.matches, matches: n(done.matches), scanned: n(done.scanned), seconds: (done.ms / 1000).toFixed(1) })];
  const { noAuth, binary, timeout } = done.skipped;
  if (noAuth) parts.push(t('summary.noAuth', { count: n(noAuth) }));
  if (binary) parts.push(t('summary.binary', { count: n(binary) }));
  if (timeout) parts.push(t('summary.timeout', { count: n(timeout) }));
  if (done.truncated) parts.push(t('summary.truncated'));
  return parts.join('; ');
}

interface SearchPanelProps {
  connection: string;
  state: SearchInput;
  /** A new search: written to the URL, which runs it. */
  onSearch(state: SearchInput): void;
  onClose(): void;
  hrefOf(match: SearchMatch): string;
}

/** Name and data search of a subtree, its results streaming in (Ctrl/Cmd+Shift+F). */
export function SearchPanel({ connection, state, onSearch, onClose, hrefOf }: SearchPanelProps) {
  const t = useTranslations('search');
  const format = useFormat();
  const modeOptions = SEARCH_MODES.map((value) => ({ value, label: t(`modes.${value}`) }));
  const [form, setForm] = useState(state);
  const [shownFor, setShownFor] = useState(state);
  // The URL changed (another subtree, a shared link): the form follows it.
  if (shownFor !== state) {
    setShownFor(state);
    setForm(state);
  }
  const [run, setRun] = useState(0);
  const stream = useSearchStream(connection, state, run);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (JSON.stringify(form) === JSON.stringify(state)) setRun((r) => r + 1);
    else onSearch(form);
  };
  const set = (patch: Partial<SearchInput>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <aside aria-label={t('panel')} className="flex w-[26rem] shrink-0 flex-col border-l border-border bg-panel max-md:fixed max-md:inset-0 max-md:z-40 max-md:w-full">
      <div className="flex h-10 shrink-0 items-center gap-2 border-b border-border px-3">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t('panel')}</h2>
        <Button size="icon" variant="ghost" className="ml-auto" aria-label={t('close')} title={t('close')} onClick={onClose}>
          <X aria-hidden />
        </Button>
      </div>
      <form role="search" aria-label={t('form')} onSubmit={submit} className="space-y-2 border-b border-border p-3 text-sm">
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">{t('under')}</span>
          <Input className="flex-1 font-mono" value={form.path} onChange={(e) => set({ path: e.target.value })} aria-label={t('underLabel')} />
        </label>
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">{t('name')}</span>
          <Input className="flex-1" value={form.name} onChange={(e) => set({ name: e.target.value })} aria-label={t('nameLabel')} placeholder={t('namePlaceholder')} autoFocus />
        </label>
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">{t('data')}</span>
          <Input className="flex-1" value={form.data} onChange={(e) => set({ data: e.target.value })} aria-label={t('dataLabel')} placeholder={t('dataPlaceholder')} />
        </label>
        <div className="flex items-center gap-3">
          <LabeledSelect label={t('mode')} value={form.mode} options={modeOptions} onChange={(mode: SearchMode) => set({ mode })} />
          <label className="flex items-center gap-1 text-xs text-muted">
            <input type="checkbox" checked={form.caseSensitive} onChange={(e) => set({ caseSensitive: e.target.checked })} />
            {t('matchCase')}
          </label>
          <div className="ml-auto flex gap-1.5">
            {stream.running && (
              <Button size="sm" onClick={stream.stop}>
                <Square aria-hidden />
                {t('stop')}
              </Button>
            )}
            <Button size="sm" variant="primary" type="submit" disabled={!form.name && !form.data}>
              {t('submit')}
            </Button>
          </div>
        </div>
      </form>
      <p role="status" className="shrink-0 px-3 py-1.5 text-xs text-muted">
        {stream.done
          ? summary(stream.done, t, format)
          : stream.running
            ? t('running', { scanned: format.number(stream.progress?.scanned ?? 0), matches: format.number(stream.matches.length) })
            : stream.stopped
              ? t('stopped', { scanned: format.number(stream.progress?.scanned ?? 0), matches: format.number(stream.matches.length) })
              : t('idle')}
      </p>
      {stream.error !== null && <ErrorAlert error={stream.error} className="mx-3 mb-2" />}
      <SearchResults matches={stream.matches} hrefOf={hrefOf} />
    </aside>
  );
}
