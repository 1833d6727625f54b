'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { sortedChildren, type DiffCounts, type DiffNode } from '@/lib/client/compare-tree';

/** Rows shown per folder before "Show all": a folder of 100,000 added nodes stays usable. */
const SHOWN_PER_FOLDER = 200;

const KIND_TONE = { added: 'accent', removed: 'danger', changed: 'warn' } as const;
const COUNTED = ['added', 'removed', 'changed', 'unreadable'] as const;

/** `describe(counts)`: "3 added · 1 changed" in the dashboard's language ('' when nothing differs). */
export function useDescribeCounts(): (c: DiffCounts) => string {
  const t = useTranslations('bulk.compare.counts');
  return useCallback(
    (c: DiffCounts) =>
      COUNTED.filter((k) => c[k])
        .map((k) => t(k, { count: c[k] }))
        .join(' · '),
    [t],
  );
}

interface TreeProps {
  root: DiffNode;
  /** The label of the roots' row (the compared path). */
  rootLabel: string;
  selected: string | null;
  onSelect(path: string): void;
}

/** The differences as a tree: each folder with the counts of what differs below it; a changed node opens its diff. */
export function CompareTreeView({ root, rootLabel, selected, onSelect }: TreeProps) {
  const t = useTranslations('bulk.compare');
  return (
    <ul aria-label={t('differences')} className="text-sm">
      <DiffRow node={root} label={rootLabel} depth={0} selected={selected} onSelect={onSelect} />
    </ul>
  );
}

function DiffRow({ node, label, depth, selected, onSelect }: { node: DiffNode; label: string; depth: number; selected: string | null; onSelect(path: string): void }) {
  const t = useTranslations('bulk.compare');
  const describeCounts = useDescribeCounts();
  const [open, setOpen] = useState(depth < 2);
  const [all, setAll] = useState(false);
  const children = node.children.size > 0 ? sortedChildren(node) : [];
  const shown = all ? children : children.slice(0, SHOWN_PER_FOLDER);
  const counts = describeCounts(node.below);
  const what = node.kind === 'changed' && (node.data || node.acl) ? t('what', { what: node.data && node.acl ? 'both' : node.data ? 'value' : 'acl' }) : '';
  return (
    <li>
      <div className={cn('flex min-h-7 items-center gap-1.5 rounded pr-2', selected === node.path && node.kind === 'changed' && 'bg-accent-soft')} style={{ paddingLeft: depth * 14 }}>
        {children.length > 0 ? (
          <button type="button" aria-expanded={open} aria-label={open ? t('collapse', { label }) : t('expand', { label })} onClick={() => setOpen(!open)} className="grid size-5 shrink-0 place-items-center rounded text-muted hover:bg-subtle">
            {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
          </button>
        ) : (
          <span className="size-5 shrink-0" />
        )}
        {node.kind === 'changed' ? (
          <button type="button" onClick={() => onSelect(node.path)} className="truncate text-left font-mono text-accent underline-offset-2 hover:underline" title={t('showDifferences', { label })}>
            {label}
          </button>
        ) : (
          <span className={cn('truncate font-mono', node.kind === 'removed' && 'line-through decoration-danger/60')}>{label}</span>
        )}
        {node.kind && <Badge tone={KIND_TONE[node.kind]}>{t(`kinds.${node.kind}`)}</Badge>}
        {what && <span className="text-xs text-muted">{what}</span>}
        {node.unreadable && (
          <Badge title={t('unreadableTitle')} tone="neutral">
            {t('unreadable')}
          </Badge>
        )}
        {counts && <span className="ml-auto shrink-0 pl-2 text-xs text-muted tabular-nums">{counts}</span>}
      </div>
      {open && children.length > 0 && (
        <ul>
          {shown.map((c) => (
            <DiffRow key={c.name} node={c} label={c.name} depth={depth + 1} selected={selected} onSelect={onSelect} />
          ))}
          {shown.length < children.length && (
            <li style={{ paddingLeft: (depth + 1) * 14 + 26 }}>
              <button type="button" className="text-xs text-accent hover:underline" onClick={() => setAll(true)}>
                {t('showAll', { count: children.length, label })}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
