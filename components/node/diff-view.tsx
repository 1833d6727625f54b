'use client';

import { LazyFrame } from '@/components/ui/lazy-frame';
import { lazy, useLazyNow } from '@/lib/client/lazy';
import type { DiffViewProps } from './merge-diff';

const mergeDiff = lazy(() => import('./merge-diff'));

/**
 * Side-by-side, read-only comparison: theirs on the left, mine on the right. The merge view is
 * fetched only when a comparison is shown (a conflict, a change underneath an edit); until it
 * arrives, the frame it will fill (or why it did not).
 */
export function DiffView(props: DiffViewProps) {
  const { loaded, failed, retry } = useLazyNow(mergeDiff);
  return loaded ? <loaded.MergeDiff {...props} /> : <LazyFrame failed={failed} retry={retry} className="h-full min-h-24 rounded-md border border-border" />;
}
