'use client';

import { Pause, Play, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Fragment, memo, useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import { Input, Select } from '@/components/ui/input';
import { useFormat, type Format } from '@/lib/client/format';
import type { LogEntry } from '@/lib/client/live-frames';
import { isEphemeral, sessionIdHex } from '@/lib/client/node-kind';
import { browseHref } from '@/lib/client/urls';
import { useWatchList } from '@/lib/client/watch-list';
import type { LiveEvent } from '@/lib/shared/events';
import { LOG_LIMIT } from '@/lib/shared/limits';
import { DEFAULT_LOCALE } from '@/lib/shared/locales';
import { EventChange } from './event-change';
import { useLiveClient, useLiveLog } from './use-live';
import { WatchForm } from './watch-form';

type TypeFilter = 'all' | 'nodes' | 'children' | 'session';

const TYPE_FILTERS: readonly TypeFilter[] = ['all', 'nodes', 'children', 'session'];

type EventsT = ReturnType<typeof useTranslations<'live.events'>>;

const KEEP_CHOICES = [100, 500, LOG_LIMIT];

function matchesType(e: LiveEvent, filter: TypeFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'nodes':
      return e.type === 'created' || e.type === 'changed' || e.type === 'deleted';
    case 'children':
      return e.type === 'children';
    case 'session':
      return e.type === 'session' || e.type === 'resync' || e.type === 'watch-error';
  }
}

const pathOf = (e: LiveEvent) => ('path' in e ? e.path : undefined);

function names(t: EventsT, list: string[], max = 5): string {
  return t('names', { named: list.slice(0, max).join(', '), more: Math.max(0, list.length - max) });
}

/**
 * The server's own sentence for session, resync and watch-error events (English, the API's);
 * in another language the catalog's, by the event's state, reason or error code.
 */
function streamMessage(t: EventsT, errorTitle: (code: string) => string, e: LiveEvent & { type: 'session' | 'resync' | 'watch-error' }, english: boolean): string {
  if (english) return e.message;
  if (e.type === 'session') return t(`session.${e.state}`, { server: e.server ?? 'none', count: e.watches ?? 0 });
  if (e.type === 'resync') return t(`resync.${e.reason}`);
  return t('watchError', { path: e.path, detail: errorTitle(e.code) });
}

interface DetailsContext {
  t: EventsT;
  format: Format;
  english: boolean;
  errorTitle: (code: string) => string;
}

function details({ t, format, english, errorTitle }: DetailsContext, e: LiveEvent): string {
  switch (e.type) {
    case 'created':
    case 'changed':
      return t('written', { version: e.stat.version, size: format.bytes(e.stat.dataLength), ephemeral: isEphemeral(e.stat) ? 'yes' : 'no' });
    case 'deleted':
      return t('nodeDeleted');
    case 'children': {
      if (!e.exists) return t('deletedWithChildren');
      if (e.truncated) return t('tooManyChildren', { total: e.total });
      const parts = [e.added.length > 0 && `+ ${names(t, e.added)}`, e.removed.length > 0 && `− ${names(t, e.removed)}`].filter(Boolean);
      return t('childDiff', { parts: parts.join('; '), total: e.total });
    }
    case 'session':
    case 'resync':
    case 'watch-error':
      return streamMessage(t, errorTitle, e, english);
    case 'hello':
      return t('streamOpened');
  }
}

/** Who made a change, when known: an operator of this dashboard, or the owner of an ephemeral node. */
function who(t: EventsT, e: LiveEvent): string {
  if (e.by) return e.by;
  if ((e.type === 'created' || e.type === 'changed') && isEphemeral(e.stat)) return t('bySession', { id: sessionIdHex(e.stat.ephemeralOwner) });
  return '';
}

const TONES: Partial<Record<LiveEvent['type'], 'accent' | 'warn' | 'danger'>> = {
  created: 'accent',
  deleted: 'danger',
  resync: 'warn',
  'watch-error': 'danger',
};

const EventRow = memo(function EventRow({ entry, connection }: { entry: LogEntry; connection: string }) {
  const t = useTranslations('live.events');
  const format = useFormat();
  const english = useLocale() === DEFAULT_LOCALE;
  const errors = useTranslations('errors');
  // A watch error's code is an API error code; one this catalog lacks is shown as it is.
  const errorTitle = (code: string) => (errors.has(`codes.${code}.title` as 'codes.NO_NODE.title') ? errors(`codes.${code}.title` as 'codes.NO_NODE.title') : code);
  const e = entry.event;
  const path = pathOf(e);
  const label = e.type === 'session' ? t('kinds.session', { state: t(`states.${e.state}`) }) : t(`kinds.${e.type}`);
  return (
    <tr className="border-b border-border/60 align-top hover:bg-subtle">
      <td className="px-2 py-1 font-mono whitespace-nowrap text-muted">{format.clock(e.at)}</td>
      <td className="px-2 py-1 whitespace-nowrap">
        <Badge tone={TONES[e.type] ?? 'neutral'}>{label}</Badge>
      </td>
      <td className="max-w-96 truncate px-2 py-1 font-mono">
        {path ? (
          <Link className="hover:underline" href={browseHref(connection, path)} title={path}>
            {path}
          </Link>
        ) : null}
      </td>
      <td className="px-2 py-1 break-words">{details({ t, format, english, errorTitle }, e)}</td>
      <td className="px-2 py-1 whitespace-nowrap text-muted">{who(t, e)}</td>
      <td className="px-2 py-0.5">
        <EventChange entry={entry} connection={connection} />
      </td>
    </tr>
  );
});

/** What the dashboard's watches report, newest first: filterable, pausable, bounded. */
export function EventsPanel({ connection }: { connection: string }) {
  const t = useTranslations('live.events');
  const live = useLiveClient();
  const log = useLiveLog();
  const [filter, setFilter] = useState('');
  const [type, setType] = useState<TypeFilter>('all');
  const [keep, setKeep] = useState(500);
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [watched, setWatched] = useWatchList(connection);

  const shown = useMemo(() => {
    const upTo = pausedAt ?? Infinity;
    const needle = filter.trim();
    const out: LogEntry[] = [];
    for (let i = log.length - 1; i >= 0 && out.length < keep; i--) {
      const entry = log[i];
      if (entry.seq > upTo || !matchesType(entry.event, type)) continue;
      if (needle && !(pathOf(entry.event) ?? '').includes(needle)) continue;
      out.push(entry);
    }
    return out;
  }, [log, pausedAt, filter, type, keep]);
  const newWhilePaused = pausedAt === null ? 0 : log.filter((e) => e.seq > pausedAt).length;

  if (!live) return <Alert title={t('unavailableTitle')}>{t('unavailable')}</Alert>;
  return (
    <section aria-label={t('label')} className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t('title')}</h1>
        <p className="text-sm text-muted">{t('intro')}</p>
      </div>

      <WatchForm live={live} watched={watched} onChange={setWatched} />


      <div className="flex flex-wrap items-center gap-2">
        <Input aria-label={t('filter')} placeholder={t('filterPlaceholder')} value={filter} onChange={(e) => setFilter(e.target.value)} className="w-64" />
        <Select aria-label={t('type')} value={type} onChange={(e) => setType(e.target.value as TypeFilter)}>
          {TYPE_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`types.${f}`)}
            </option>
          ))}
        </Select>
        <Select aria-label={t('kept')} value={keep} onChange={(e) => setKeep(Number(e.target.value))}>
          {KEEP_CHOICES.map((n) => (
            <option key={n} value={n}>
              {t('keep', { count: n })}
            </option>
          ))}
        </Select>
        <Button aria-pressed={pausedAt !== null} onClick={() => setPausedAt(pausedAt === null ? (log.at(-1)?.seq ?? 0) : null)}>
          {pausedAt === null ? <Pause aria-hidden /> : <Play aria-hidden />}
          {pausedAt === null ? t('pause') : t('resume', { count: newWhilePaused })}
        </Button>
        <Button onClick={() => live.clearLog()} disabled={log.length === 0}>
          <Trash2 aria-hidden />
          {t('clear')}
        </Button>
        <span className="ml-auto text-xs text-muted" aria-live="off">
          {t('shown', { shown: shown.length, received: log.length })}
        </span>
      </div>

      <div className="min-h-0 flex-1 overflow-auto rounded-md border border-border">
        <table className="w-full border-collapse text-xs" aria-label={t('table')}>
          <thead className="sticky top-0 bg-panel text-left text-muted">
            <tr className="border-b border-border">
              <th className="px-2 py-1.5 font-medium">{t('columns.time')}</th>
              <th className="px-2 py-1.5 font-medium">{t('columns.type')}</th>
              <th className="px-2 py-1.5 font-medium">{t('columns.path')}</th>
              <th className="px-2 py-1.5 font-medium">{t('columns.details')}</th>
              <th className="px-2 py-1.5 font-medium">{t('columns.by')}</th>
              <th className="px-2 py-1.5 font-medium">
                <span className="sr-only">{t('columns.change')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry, i) => (
              <Fragment key={entry.seq}>
                {/* Newest first: the first restored entry is where the page was reloaded. */}
                {entry.restored && !shown[i - 1]?.restored && (
                  <tr>
                    <td colSpan={6} className="border-b border-border bg-subtle px-2 py-1 text-muted">
                      <p role="note" aria-label={t('reloaded')}>
                        {t('reloadedHere')}
                      </p>
                    </td>
                  </tr>
                )}
                <EventRow entry={entry} connection={connection} />
              </Fragment>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && (
          <p className="p-4 text-sm text-muted">
            {log.length === 0 ? t('none') : t('noMatch')}
          </p>
        )}
      </div>
    </section>
  );
}
