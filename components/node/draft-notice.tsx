'use client';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import type { Draft } from '@/lib/client/drafts';
import { relativeTime } from '@/lib/shared/units';

/** "Restore your unsaved edit?": a draft this browser kept of the value, offered on return. */
export function DraftNotice({ draft, version, onRestore, onDiscard }: { draft: Draft; version: number; onRestore(): void; onDiscard(): void }) {
  const moved = draft.version !== version;
  return (
    <Alert tone="warn" title="Restore your unsaved edit?">
      <p>
        You left an edit of this value unsaved {relativeTime(draft.savedAt)}, on version {draft.version}.
        {moved && ` The node has changed since (now version ${version}): restoring shows your edit against the new value, to merge or drop.`}
      </p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="primary" onClick={onRestore}>
          Restore my edit
        </Button>
        <Button size="sm" onClick={onDiscard}>
          Discard it
        </Button>
      </div>
    </Alert>
  );
}
