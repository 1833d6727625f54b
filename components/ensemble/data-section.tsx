import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** A titled part of a dashboard page: a landmark region named by its heading, controls beside it. */
export function DataSection({ id, title, tools, children }: { id: string; title: string; tools?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {tools}
      </div>
      {children}
    </section>
  );
}

export type Column = string | { label: string; numeric: true };

/**
 * A data table with column headers (numeric ones right-aligned); the caller renders the body
 * rows, with each row's first cell a `<th scope="row">`. `bare` drops the framed, scrolling box
 * for a table nested in another; `dense` narrows the headers' padding for a table of many columns
 * (its rows' cells use `px-2` too).
 */
export function DataTable({ columns, id, label, bare = false, dense = false, className, children }: {
  columns: readonly Column[];
  id?: string;
  label?: string;
  bare?: boolean;
  dense?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const table = (
    <table id={id} aria-label={label} className={cn('w-full text-sm tabular-nums', className)}>
      <thead className={cn('text-xs text-muted', !bare && 'bg-subtle')}>
        <tr>
          {columns.map((c) => {
            const text = typeof c === 'string' ? c : c.label;
            return (
              <th key={text} scope="col" className={cn(dense ? 'px-2' : 'px-3', 'font-medium [word-break:keep-all]', bare ? 'py-1.5' : 'py-2', typeof c === 'string' ? 'text-left' : 'text-right')}>
                {text}
              </th>
            );
          })}
        </tr>
      </thead>
      {children}
    </table>
  );
  // Wide tables scroll inside their card, never the page; `relative` keeps absolutely positioned
  // cells' content (sr-only labels) inside that scroll box instead of widening the page.
  return <div className={cn('relative overflow-x-auto', !bare && 'rounded-lg border border-border bg-panel')}>{table}</div>;
}
