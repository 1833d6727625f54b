'use client';

import { Breadcrumb } from './breadcrumb';
import { PathBar } from './path-bar';
import { useBrowsePath } from './use-browse-path';

export function PathToolbar({ connection }: { connection: string }) {
  const path = useBrowsePath();
  return (
    <div className="flex min-h-10 shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-panel px-2 py-1 sm:px-4">
      <Breadcrumb connection={connection} path={path} />
      <PathBar key={path} connection={connection} path={path} />
    </div>
  );
}
