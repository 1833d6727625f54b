'use client';

import { Square, X } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input, LabeledSelect } from '@/components/ui/input';
import type { SearchInput } from '@/lib/client/search';
import { SEARCH_MODES, type SearchDone, type SearchMatch, type SearchMode } from '@/lib/shared/search';
import { SearchResults } from './search-results';
import { useSearchStream } from './use-search-stream';

const MODE_OPTIONS = SEARCH_MODES.map((value) => ({ value, label: value === 'text' ? 'Text' : value === 'glob' ? 'Glob' : 'Regex' }));

function summary(done: SearchDone): string {
  const parts = [`${done.matches.toLocaleString()} ${done.matches === 1 ? 'match' : 'matches'} in ${done.scanned.toLocaleString()} nodes (${(done.ms / 1000).toFixed(1)} s)`];
  const { noAuth, binary, timeout } = done.skipped;
  if (noAuth) parts.push(`${noAuth.toLocaleString()} unreadable skipped`);
  if (binary) parts.push(`${binary.toLocaleString()} binary skipped`);
  if (timeout) parts.push(`${timeout.toLocaleString()} too slow for the pattern`);
  if (done.truncated) parts.push('stopped at the limit');
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
    <aside aria-label="Search" className="flex w-[26rem] shrink-0 flex-col border-l border-border bg-panel max-md:fixed max-md:inset-0 max-md:z-40 max-md:w-full">
      <div className="flex h-10 shrink-0 items-center gap-2 border-b border-border px-3">
        <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">Search</h2>
        <Button size="icon" variant="ghost" className="ml-auto" aria-label="Close search" title="Close search" onClick={onClose}>
          <X aria-hidden />
        </Button>
      </div>
      <form role="search" aria-label="Search nodes" onSubmit={submit} className="space-y-2 border-b border-border p-3 text-sm">
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">Under</span>
          <Input className="flex-1 font-mono" value={form.path} onChange={(e) => set({ path: e.target.value })} aria-label="Search under" />
        </label>
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">Name</span>
          <Input className="flex-1" value={form.name} onChange={(e) => set({ name: e.target.value })} aria-label="Search names" placeholder="part of a node name" autoFocus />
        </label>
        <label className="flex items-center gap-2">
          <span className="w-10 text-xs text-muted">Data</span>
          <Input className="flex-1" value={form.data} onChange={(e) => set({ data: e.target.value })} aria-label="Search values" placeholder="text in a value" />
        </label>
        <div className="flex items-center gap-3">
          <LabeledSelect label="Mode" value={form.mode} options={MODE_OPTIONS} onChange={(mode: SearchMode) => set({ mode })} />
          <label className="flex items-center gap-1 text-xs text-muted">
            <input type="checkbox" checked={form.caseSensitive} onChange={(e) => set({ caseSensitive: e.target.checked })} />
            Match case
          </label>
          <div className="ml-auto flex gap-1.5">
            {stream.running && (
              <Button size="sm" onClick={stream.stop}>
                <Square aria-hidden />
                Stop
              </Button>
            )}
            <Button size="sm" variant="primary" type="submit" disabled={!form.name && !form.data}>
              Search
            </Button>
          </div>
        </div>
      </form>
      <p role="status" className="shrink-0 px-3 py-1.5 text-xs text-muted">
        {stream.done
          ? summary(stream.done)
          : stream.running
            ? `Searching… ${(stream.progress?.scanned ?? 0).toLocaleString()} nodes scanned, ${stream.matches.length.toLocaleString()} matches`
            : stream.stopped
              ? `Stopped: ${stream.matches.length.toLocaleString()} matches in ${(stream.progress?.scanned ?? 0).toLocaleString()}+ nodes`
              : 'Search names, values or both.'}
      </p>
      {stream.error !== null && <ErrorAlert error={stream.error} className="mx-3 mb-2" />}
      <SearchResults matches={stream.matches} hrefOf={hrefOf} />
    </aside>
  );
}
