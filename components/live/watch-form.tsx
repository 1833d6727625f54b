'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import { Input, Select } from '@/components/ui/input';
import type { LiveClient } from '@/lib/client/live-client';
import type { WatchEntry } from '@/lib/client/watch-list';
import { useFormat } from '@/lib/client/format';
import { SPREAD_NODE_LIMIT, WATCH_MODES, WatchSpread, type WatchMode } from '@/lib/client/watch-spread';
import { usePathProblem } from '@/lib/client/path-check';
import { checkPath } from '@/lib/shared/path';

const initial = { nodes: 0, capped: false };

/** One watched path: its watches live as long as the chip, with the count of nodes they cover. */
function WatchChip({ live, entry, onRemove }: { live: LiveClient; entry: WatchEntry; onRemove(): void }) {
  const t = useTranslations('live.watch');
  const format = useFormat();
  const client = useQueryClient();
  const [spread, setSpread] = useState<WatchSpread | null>(null);
  useEffect(() => {
    const s = new WatchSpread(live, client, entry.path, entry.mode);
    // The spread subscribes to the server: it exists only while mounted, so it is made here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSpread(s);
    return () => s.stop();
  }, [live, client, entry.path, entry.mode]);
  const state = useSyncExternalStore(spread?.state.subscribe ?? (() => () => {}), () => spread?.state.get() ?? initial, () => initial);
  const capped = state.capped ? (state.nodes >= SPREAD_NODE_LIMIT ? 'limit' : 'partial') : 'no';
  return (
    <li className="inline-flex items-center gap-1.5 rounded-md border border-border px-2 py-0.5 text-xs">
      <span className="font-mono">{entry.path}</span>
      <span className="text-muted">{t(`modes.${entry.mode}`)}</span>
      <span role="status" aria-label={t('nodesUnder', { path: entry.path })} className="text-muted tabular-nums">
        {t('count', { count: state.nodes, capped, limit: format.number(SPREAD_NODE_LIMIT) })}
      </span>
      <button type="button" aria-label={t('stop', { path: entry.path })} className="rounded hover:bg-subtle" onClick={onRemove}>
        <X aria-hidden className="size-3.5" />
      </button>
    </li>
  );
}

/** The paths the Events page watches beyond what the tab shows, each as this node, its children or its subtree. */
export function WatchForm({ live, watched, onChange }: { live: LiveClient; watched: WatchEntry[]; onChange(next: WatchEntry[]): void }) {
  const t = useTranslations('live.watch');
  const pathProblem = usePathProblem();
  const [input, setInput] = useState('');
  const [mode, setMode] = useState<WatchMode>('children');
  const [error, setError] = useState<string | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const path = input.trim();
    const check = checkPath(path);
    if (!check.ok) return setError(t('invalid', { reason: pathProblem(check) }));
    setError(null);
    setInput('');
    onChange([...watched.filter((w) => w.path !== path), { path, mode }]);
  };

  return (
    <>
      <form onSubmit={add} className="flex flex-wrap items-center gap-2" aria-label={t('form')}>
        <Input
          aria-label={t('path')}
          placeholder={t('placeholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          aria-invalid={error ? true : undefined}
          className="w-72 font-mono"
        />
        <Select aria-label={t('what')} value={mode} onChange={(e) => setMode(e.target.value as WatchMode)}>
          {WATCH_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`modes.${m}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" size="md">
          <Plus aria-hidden />
          {t('submit')}
        </Button>
      </form>
      {watched.length > 0 && (
        <ul aria-label={t('watched')} className="flex flex-wrap gap-2">
          {watched.map((w) => (
            <WatchChip key={`${w.mode}\u0000${w.path}`} live={live} entry={w} onRemove={() => onChange(watched.filter((x) => x !== w))} />
          ))}
        </ul>
      )}
      {error && <Alert title={t('cannot')}>{error}</Alert>}
    </>
  );
}
