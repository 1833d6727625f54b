'use client';

import dynamic from 'next/dynamic';

/** The frame the comparison will fill, while its chunk (CodeMirror's merge view) arrives. */
function DiffLoading() {
  return <div aria-busy className="h-full min-h-24 rounded-md border border-border" />;
}

/**
 * Side-by-side, read-only comparison: theirs on the left, mine on the right. The merge view is
 * fetched only when a comparison is shown (a conflict, a change underneath an edit).
 */
export const DiffView = dynamic(() => import('./merge-diff').then((m) => m.MergeDiff), { ssr: false, loading: DiffLoading });
