import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * A bordered card with a small uppercase heading (its accessible name) and optional actions on the
 * right; in a narrow card the actions wrap onto a second row rather than run out of it.
 */
export function Panel({ id, title, actions, className, children }: { id: string; title: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={cn('rounded-md border border-border bg-panel', className)}>
      <div className="flex min-h-9 shrink-0 flex-wrap items-center gap-x-2 gap-y-1 border-b border-border px-3 py-1">
        <h2 id={id} className="text-xs font-semibold tracking-wide text-muted uppercase">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
