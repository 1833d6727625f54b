'use client';

import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Progress } from '@/components/ui/progress';
import { subtreeCountQuery } from '@/lib/client/nodes';

/** "Apply to subtree": how many nodes it will touch before saving, then the progress. */
export function SubtreeOption({ connection, path, checked, onChange, progress }: { connection: string; path: string; checked: boolean; onChange(on: boolean): void; progress: { applied: number; total: number } | null }) {
  const count = useQuery({ ...subtreeCountQuery(connection, path), enabled: checked });
  const n = count.data?.count;
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Apply to subtree (this node and every node below it)
      </label>
      {checked && (
        <p className="text-xs text-muted" aria-live="polite">
          {count.isPending && 'Counting the nodes…'}
          {n === 1 && 'This node has no children: only its own ACL changes.'}
          {n !== undefined &&
            n > 1 &&
            `Sets this ACL on ${count.data!.truncated ? 'at least ' : ''}${n.toLocaleString()} nodes. Only this node is checked against the ACL version you loaded; the nodes below are replaced whatever their ACL is now.`}
        </p>
      )}
      {checked && count.isError && <ErrorAlert error={count.error} />}
      {progress && (
        <div className="flex items-center gap-2 text-xs">
          <Progress value={progress.applied} max={progress.total} label="Applying the ACL to the subtree" />
          <span className="shrink-0 tabular-nums">
            {progress.applied.toLocaleString()} / {progress.total.toLocaleString()}
          </span>
        </div>
      )}
    </div>
  );
}
