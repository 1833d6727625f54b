'use client';

import { ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { DataSection, DataTable } from '@/components/ensemble/data-section';
import { ZnodeLink } from '@/components/ensemble/znode-link';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input } from '@/components/ui/input';
import { useFormat } from '@/lib/client/format';
import { filterTopics, topicIssues } from '@/lib/client/kafka';
import type { KafkaTopic } from '@/lib/shared/kafka';
import { joinPath } from '@/lib/shared/path';
import { Flags } from './flags';
import { PartitionTable } from './partition-table';

const COLUMN_COUNT = 5;
/** Rows rendered at first and per "show more": a 500-topic cluster stays quick to filter and poll. */
const PAGE_SIZE = 100;

function TopicStatus({ topic }: { topic: KafkaTopic }) {
  const t = useTranslations('kafka.topics');
  const { offline, underReplicated, imbalanced } = topicIssues(topic);
  return (
    <Flags
      flags={[
        { when: offline > 0, tone: 'danger', text: t('offline', { count: offline }) },
        { when: underReplicated > 0, tone: 'warn', text: t('underReplicated', { count: underReplicated }) },
        { when: imbalanced > 0, tone: 'neutral', text: t('notPreferred', { count: imbalanced }), title: t('notPreferredTitle') },
        { when: topic.pendingDeletion, tone: 'warn', text: t('pendingDeletion') },
        { when: Boolean(topic.malformed), tone: 'warn', text: t('malformed'), title: t('malformedTitle') },
      ]}
    />
  );
}

function ConfigCell({ connection, root, topic }: { connection: string; root: string; topic: KafkaTopic }) {
  const entries = Object.entries(topic.config);
  if (entries.length === 0) return <span className="text-muted">—</span>;
  return (
    <>
      <ul className="flex flex-wrap gap-1">
        {entries.map(([k, v]) => (
          <li key={k} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-xs">
            {k}={v}
          </li>
        ))}
      </ul>
      <ZnodeLink connection={connection} path={joinPath(root, `config/topics/${topic.name}`)} className="mt-1 inline-block" />
    </>
  );
}

interface RowProps {
  connection: string;
  root: string;
  topic: KafkaTopic;
  expanded: boolean;
  onToggle: (name: string) => void;
}

/** Memoized: the poll hands back the same topic object while it is unchanged, so the row is skipped. */
const TopicRow = memo(function TopicRow({ connection, root, topic, expanded, onToggle }: RowProps) {
  const t = useTranslations('kafka.partitions');
  const format = useFormat();
  const { offline, underReplicated } = topicIssues(topic);
  const detailsId = `partitions-${topic.name}`;
  return (
    <tbody>
      <tr className={cn('border-t border-border align-top', offline > 0 ? 'bg-danger-soft' : underReplicated > 0 && 'bg-warn-soft')}>
        <th scope="row" className="px-2 py-1.5 text-left font-normal">
          <span className="flex items-start gap-1">
            <Button
              variant="ghost"
              size="icon-sm"
              aria-expanded={expanded}
              aria-controls={expanded ? detailsId : undefined}
              aria-label={t('of', { topic: topic.name })}
              onClick={() => onToggle(topic.name)}
            >
              <ChevronRight aria-hidden className={cn('transition-transform', expanded && 'rotate-90')} />
            </Button>
            <ZnodeLink connection={connection} path={topic.path} className="font-mono text-sm leading-6 whitespace-nowrap">
              {topic.name}
            </ZnodeLink>
          </span>
        </th>
        <td className="px-3 py-1.5 text-right leading-6 tabular-nums">{format.number(topic.partitionCount)}</td>
        <td className="px-3 py-1.5 text-right leading-6 tabular-nums">{topic.replicationFactor}</td>
        <td className="px-3 py-1.5 leading-6">
          <TopicStatus topic={topic} />
        </td>
        <td className="px-3 py-1.5 leading-6">
          <ConfigCell connection={connection} root={root} topic={topic} />
        </td>
      </tr>
      {expanded && (
        <tr>
          <td colSpan={COLUMN_COUNT} className="bg-subtle/40 py-1 pr-3 pl-9">
            <PartitionTable connection={connection} topic={topic} id={detailsId} />
          </td>
        </tr>
      )}
    </tbody>
  );
});

/** Topics with a name filter, a problems-only switch, and per-topic partitions on demand. */
export function TopicTable({ connection, root, topics }: { connection: string; root: string; topics: KafkaTopic[] }) {
  const t = useTranslations('kafka.topics');
  const format = useFormat();
  const [filter, setFilter] = useState('');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [limit, setLimit] = useState(PAGE_SIZE);
  const deferredFilter = useDeferredValue(filter);
  const matches = useMemo(() => filterTopics(topics, deferredFilter, onlyProblems), [topics, deferredFilter, onlyProblems]);
  const shown = matches.slice(0, limit);
  const toggle = useCallback(
    (name: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(name)) next.add(name);
        return next;
      }),
    [],
  );
  return (
    <DataSection
      id="topics-heading"
      title={t('title')}
      tools={
        <>
          <Input
            type="search"
            aria-label={t('filter')}
            placeholder={t('filterPlaceholder')}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setLimit(PAGE_SIZE);
            }}
            className="w-64"
          />
          <label className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={onlyProblems}
              onChange={(e) => {
                setOnlyProblems(e.target.checked);
                setLimit(PAGE_SIZE);
              }}
            />
            {t('onlyProblems')}
          </label>
          <p className="ml-auto text-xs text-muted" aria-live="polite">
            {matches.length === topics.length
              ? t('count', { count: format.number(topics.length) })
              : t('countOf', { shown: format.number(matches.length), count: format.number(topics.length) })}
          </p>
        </>
      }
    >
      {matches.length === 0 ? (
        <p className="rounded-lg border border-border bg-panel px-3 py-4 text-sm text-muted">
          {topics.length === 0 ? t('none') : t('noMatch')}
        </p>
      ) : (
        <DataTable
          columns={[t('columns.topic'), { label: t('columns.partitions'), numeric: true }, { label: t('columns.replication'), numeric: true }, t('columns.status'), t('columns.config')]}
          className="tabular-nums"
        >
          {shown.map((t) => (
            <TopicRow key={t.name} connection={connection} root={root} topic={t} expanded={expanded.has(t.name)} onToggle={toggle} />
          ))}
        </DataTable>
      )}
      {matches.length > shown.length && (
        <Button onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          {t('showMore', { page: Math.min(PAGE_SIZE, matches.length - shown.length), remaining: format.number(matches.length - shown.length) })}
        </Button>
      )}
    </DataSection>
  );
}
