'use client';

import { Breadcrumb } from './breadcrumb';
import { PathBar } from './path-bar';
import { useBrowsePath } from './use-browse-path';

export function PathToolbar({ connection }: { connection: string }) {
  const path = useBrowsePath();
  return (
    <div className="flex h-10 shrink-0 items-center gap-3 border-b border-border bg-panel px-4">
      <Breadcrumb connection={connection} path={path} />
      <PathBar key={path} connection={connection} path={path} />
    </div>
  );
}
