'use client';

import { useTranslations } from 'next-intl';
import { ConflictActions } from '@/components/ui/conflict-actions';
import { Alert } from '@/components/ui/error-alert';
import type { Representation } from '@/lib/client/bytes';
import type { CurrentNode } from '@/lib/shared/wire';
import type { Syntax } from '@/lib/client/syntax';
import { VersionsDiff } from './versions-diff';

interface ConflictPanelProps {
  rep: Representation;
  syntax: Syntax;
  pretty: boolean;
  /** The node as it is now (absent if the server could not read it back). */
  current?: CurrentNode;
  mine: string;
  baseVersion: number;
  busy: boolean;
  onReload(current?: CurrentNode): void;
  onOverwrite(current: CurrentNode): void;
}

/** A refused save: what changed underneath, side by side with the edit, and an explicit choice. */
export function ConflictPanel({ rep, syntax, pretty, current, mine, baseVersion, busy, onReload, onOverwrite }: ConflictPanelProps) {
  const t = useTranslations('node.conflict');
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <Alert title={t('title')}>
        <p>{current ? t('moved', { base: baseVersion, now: current.stat.version }) : t('unknown', { base: baseVersion })}</p>
        <ConflictActions current={current} busy={busy} reloadLabel={t('reload')} onReload={() => onReload(current)} onOverwrite={onOverwrite} className="mt-2" />
      </Alert>
      {current && <VersionsDiff current={current} mine={mine} rep={rep} syntax={syntax} pretty={pretty} />}
    </div>
  );
}
