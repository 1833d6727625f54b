'use client';

import { useEffect } from 'react';
import { lazy, useLazy } from '@/lib/client/lazy';
import type { DiffViewProps } from './merge-diff';

const mergeDiff = lazy(() => import('./merge-diff'));

/**
 * Side-by-side, read-only comparison: theirs on the left, mine on the right. The merge view is
 * fetched only when a comparison is shown (a conflict, a change underneath an edit); until it
 * arrives, the frame it will fill.
 */
export function DiffView(props: DiffViewProps) {
  const loaded = useLazy(mergeDiff);
  useEffect(() => void mergeDiff.load().catch(() => undefined), []);
  return loaded ? <loaded.MergeDiff {...props} /> : <div aria-busy className="h-full min-h-24 rounded-md border border-border" />;
}
