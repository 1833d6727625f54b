'use client';

import { Pause, Play, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { Fragment, memo, useMemo, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import { Input, Select } from '@/components/ui/input';
import { LOG_LIMIT, type LogEntry } from '@/lib/client/live-frames';
import { isEphemeral, sessionIdHex } from '@/lib/client/node-kind';
import { browseHref } from '@/lib/client/urls';
import { useWatchList } from '@/lib/client/watch-list';
import type { LiveEvent } from '@/lib/shared/events';
import { clockTime, formatBytes } from '@/lib/shared/units';
import { EventChange } from './event-change';
import { useLiveClient, useLiveLog } from './use-live';
import { WatchForm } from './watch-form';

type TypeFilter = 'all' | 'nodes' | 'children' | 'session';

const TYPE_FILTERS: Array<{ value: TypeFilter; label: string }> = [
  { value: 'all', label: 'All types' },
  { value: 'nodes', label: 'Created, changed, deleted' },
  { value: 'children', label: 'Child lists' },
  { value: 'session', label: 'Session and stream' },
];

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

function names(list: string[], max = 5): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

function details(e: LiveEvent): string {
  switch (e.type) {
    case 'created':
    case 'changed':
      return `version ${e.stat.version}, ${formatBytes(e.stat.dataLength)}${isEphemeral(e.stat) ? ', ephemeral' : ''}`;
    case 'deleted':
      return 'node deleted';
    case 'children': {
      if (!e.exists) return 'node deleted with its children';
      if (e.truncated) return `${e.total} children (too many to list the difference)`;
      const parts = [e.added.length > 0 && `+ ${names(e.added)}`, e.removed.length > 0 && `− ${names(e.removed)}`].filter(Boolean);
      return `${parts.join('; ')} (${e.total} children)`;
    }
    case 'session':
    case 'resync':
    case 'watch-error':
      return e.message;
    case 'hello':
      return 'stream opened';
  }
}

/** Who made a change, when known: an operator of this dashboard, or the owner of an ephemeral node. */
function who(e: LiveEvent): string {
  if (e.by) return e.by;
  if ((e.type === 'created' || e.type === 'changed') && isEphemeral(e.stat)) return `session ${sessionIdHex(e.stat.ephemeralOwner)}`;
  return '';
}

const TONES: Partial<Record<LiveEvent['type'], 'accent' | 'warn' | 'danger'>> = {
  created: 'accent',
  deleted: 'danger',
  resync: 'warn',
  'watch-error': 'danger',
};

const EventRow = memo(function EventRow({ entry, connection }: { entry: LogEntry; connection: string }) {
  const e = entry.event;
  const path = pathOf(e);
  const label = e.type === 'session' ? `session ${e.state}` : e.type;
  return (
    <tr className="border-b border-border/60 align-top hover:bg-subtle">
      <td className="px-2 py-1 font-mono whitespace-nowrap text-muted">{clockTime(e.at)}</td>
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
      <td className="px-2 py-1 break-words">{details(e)}</td>
      <td className="px-2 py-1 whitespace-nowrap text-muted">{who(e)}</td>
      <td className="px-2 py-0.5">
        <EventChange entry={entry} connection={connection} />
      </td>
    </tr>
  );
});

/** What the dashboard's watches report, newest first: filterable, pausable, bounded. */
export function EventsPanel({ connection }: { connection: string }) {
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

  if (!live) return <Alert title="Live events are not available">This page is not connected to a live event stream.</Alert>;
  return (
    <section aria-label="Events" className="flex min-h-0 flex-1 flex-col gap-3 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">Events</h1>
        <p className="text-sm text-muted">
          Changes to the nodes and child lists this tab shows or watches, as ZooKeeper reports them. The log is kept across a reload of this tab; changes made while it
          reloads are not received.
        </p>
      </div>

      <WatchForm live={live} watched={watched} onChange={setWatched} />


      <div className="flex flex-wrap items-center gap-2">
        <Input aria-label="Filter events by path" placeholder="Filter by path" value={filter} onChange={(e) => setFilter(e.target.value)} className="w-64" />
        <Select aria-label="Event type" value={type} onChange={(e) => setType(e.target.value as TypeFilter)}>
          {TYPE_FILTERS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
        <Select aria-label="Events kept" value={keep} onChange={(e) => setKeep(Number(e.target.value))}>
          {KEEP_CHOICES.map((n) => (
            <option key={n} value={n}>
              Keep last {n}
            </option>
          ))}
        </Select>
        <Button aria-pressed={pausedAt !== null} onClick={() => setPausedAt(pausedAt === null ? (log.at(-1)?.seq ?? 0) : null)}>
          {pausedAt === null ? <Pause aria-hidden /> : <Play aria-hidden />}
          {pausedAt === null ? 'Pause' : `Resume${newWhilePaused > 0 ? ` (${newWhilePaused} new)` : ''}`}
        </Button>
        <Button onClick={() => live.clearLog()} disabled={log.length === 0}>
          <Trash2 aria-hidden />
          Clear
        </Button>
        <span className="ml-auto text-xs text-muted" aria-live="off">
          {shown.length} shown of {log.length} received
        </span>
      </div>

      <div className="min-h-0 flex-1 overflow-auto rounded-md border border-border">
        <table className="w-full border-collapse text-xs" aria-label="Live events">
          <thead className="sticky top-0 bg-panel text-left text-muted">
            <tr className="border-b border-border">
              <th className="px-2 py-1.5 font-medium">Time</th>
              <th className="px-2 py-1.5 font-medium">Type</th>
              <th className="px-2 py-1.5 font-medium">Path</th>
              <th className="px-2 py-1.5 font-medium">Details</th>
              <th className="px-2 py-1.5 font-medium">By</th>
              <th className="px-2 py-1.5 font-medium">
                <span className="sr-only">Change</span>
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
                      <p role="note" aria-label="Page reloaded">
                        Reloaded here: the events below were received before the reload, and changes made during it were not received.
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
            {log.length === 0 ? 'No events yet. Open nodes in Browse, or watch a path above: changes appear here as they happen.' : 'No event matches the filter.'}
          </p>
        )}
      </div>
    </section>
  );
}
