'use client';

import { Download, GitCompare } from 'lucide-react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('live.editing');
  const [showDiff, setShowDiff] = useState(false);
  const diffId = useId();
  return (
    <div className="flex flex-col gap-2">
      <Alert tone="warn" title={t('title')}>
        <p>{t('body', { theirs: current.stat.version, mine: baseVersion })}</p>
        <div className="mt-2 flex gap-2">
          <Button size="sm" aria-expanded={showDiff} aria-controls={diffId} onClick={() => setShowDiff(!showDiff)}>
            <GitCompare aria-hidden />
            {showDiff ? t('hideDiff') : t('showDiff')}
          </Button>
          <Button size="sm" onClick={onLoadTheirs}>
            <Download aria-hidden />
            {t('loadTheirs')}
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
