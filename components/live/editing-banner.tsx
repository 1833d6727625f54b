'use client';

import { Download, GitCompare } from 'lucide-react';
import { useId, useState } from 'react';
import { VersionsDiff } from '@/components/node/versions-diff';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import type { Representation } from '@/lib/client/bytes';
import type { CurrentNode } from '@/lib/shared/wire';
import type { Syntax } from '@/lib/client/syntax';

interface EditingBannerProps {
  /** The node as the server has it now (kept current by the live stream). */
  current: CurrentNode;
  /** The version the edit started from. */
  baseVersion: number;
  /** The edit in progress, as shown in the editor. */
  mine: string;
  rep: Representation;
  syntax: Syntax;
  pretty: boolean;
  /** Drops the edit and loads the server's version. */
  onLoadTheirs(): void;
}

/**
 * Shown the moment the node being edited changes on the server, before any Save: the edit is
 * kept, the difference is one click away, and saving will still be refused with a conflict.
 */
export function EditingBanner({ current, baseVersion, mine, rep, syntax, pretty, onLoadTheirs }: EditingBannerProps) {
  const [showDiff, setShowDiff] = useState(false);
  const diffId = useId();
  return (
    <div className="flex flex-col gap-2">
      <Alert tone="warn" title="Changed on the server while you edit">
        <p>
          Someone else saved version {current.stat.version} of this node; you are editing version {baseVersion}. Your changes are kept and nothing will
          be overwritten: saving now shows both versions side by side first.
        </p>
        <div className="mt-2 flex gap-2">
          <Button size="sm" aria-expanded={showDiff} aria-controls={diffId} onClick={() => setShowDiff(!showDiff)}>
            <GitCompare aria-hidden />
            {showDiff ? 'Hide differences' : 'Show differences'}
          </Button>
          <Button size="sm" onClick={onLoadTheirs}>
            <Download aria-hidden />
            Discard mine and load theirs
          </Button>
        </div>
      </Alert>
      {showDiff && (
        <div id={diffId} className="flex h-64 flex-col">
          <VersionsDiff current={current} mine={mine} rep={rep} syntax={syntax} pretty={pretty} />
        </div>
      )}
    </div>
  );
}
