'use client';

import { useEffect } from 'react';
import { NodePanel } from '@/components/node/node-panel';
import { useBrowsePath } from './use-browse-path';

/** The node of the URL; the title follows it, since moving between nodes renders no new page. */
export function CurrentNode({ connection }: { connection: string }) {
  const path = useBrowsePath();
  useEffect(() => {
    document.title = `${path} · Zooscope`;
  }, [path]);
  // A new node is a new panel: nothing of the last one's editor state carries over.
  return <NodePanel key={path} connection={connection} path={path} />;
}
