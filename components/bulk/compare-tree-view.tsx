'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { sortedChildren, type DiffCounts, type DiffNode } from '@/lib/client/compare-tree';

/** Rows shown per folder before "Show all": a folder of 100,000 added nodes stays usable. */
const SHOWN_PER_FOLDER = 200;

const KIND_BADGE = { added: ['Added', 'accent'], removed: ['Removed', 'danger'], changed: ['Changed', 'warn'] } as const;

export function describeCounts(c: DiffCounts): string {
  const parts = [c.added && `${c.added.toLocaleString()} added`, c.removed && `${c.removed.toLocaleString()} removed`, c.changed && `${c.changed.toLocaleString()} changed`, c.unreadable && `${c.unreadable.toLocaleString()} unreadable`];
  return parts.filter(Boolean).join(' · ');
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
  return (
    <ul aria-label="Differences" className="text-sm">
      <DiffRow node={root} label={rootLabel} depth={0} selected={selected} onSelect={onSelect} />
    </ul>
  );
}

function DiffRow({ node, label, depth, selected, onSelect }: { node: DiffNode; label: string; depth: number; selected: string | null; onSelect(path: string): void }) {
  const [open, setOpen] = useState(depth < 2);
  const [all, setAll] = useState(false);
  const children = node.children.size > 0 ? sortedChildren(node) : [];
  const shown = all ? children : children.slice(0, SHOWN_PER_FOLDER);
  const counts = describeCounts(node.below);
  const badge = node.kind && KIND_BADGE[node.kind];
  const what = node.kind === 'changed' ? [node.data && 'value', node.acl && 'ACL'].filter(Boolean).join(' and ') : '';
  return (
    <li>
      <div className={cn('flex min-h-7 items-center gap-1.5 rounded pr-2', selected === node.path && node.kind === 'changed' && 'bg-accent-soft')} style={{ paddingLeft: depth * 14 }}>
        {children.length > 0 ? (
          <button type="button" aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`} onClick={() => setOpen(!open)} className="grid size-5 shrink-0 place-items-center rounded text-muted hover:bg-subtle">
            {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
          </button>
        ) : (
          <span className="size-5 shrink-0" />
        )}
        {node.kind === 'changed' ? (
          <button type="button" onClick={() => onSelect(node.path)} className="truncate text-left font-mono text-accent underline-offset-2 hover:underline" title={`Show the differences of ${label}`}>
            {label}
          </button>
        ) : (
          <span className={cn('truncate font-mono', node.kind === 'removed' && 'line-through decoration-danger/60')}>{label}</span>
        )}
        {badge && <Badge tone={badge[1]}>{badge[0]}</Badge>}
        {what && <span className="text-xs text-muted">{what}</span>}
        {node.unreadable && (
          <Badge title="Not readable with your credentials: not compared" tone="neutral">
            Unreadable
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
                Show all {children.length.toLocaleString()} in {label}
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
