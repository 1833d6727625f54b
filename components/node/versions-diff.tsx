'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { Representation } from '@/lib/client/bytes';
import { editableValue, renderValue } from '@/lib/client/node-value';
import type { CurrentNode } from '@/lib/shared/wire';
import type { Syntax } from '@/lib/client/syntax';
import { DiffView } from './diff-view';

/** The server's current version beside the unsaved edit, labelled, in the edit's representation. */
export function VersionsDiff({ current, mine, rep, syntax, pretty }: { current: CurrentNode; mine: string; rep: Representation; syntax: Syntax; pretty: boolean }) {
  const t = useTranslations('node.conflict');
  const theirs = useMemo(() => renderValue(editableValue(current.data).bytes, rep, syntax, pretty), [current, rep, syntax, pretty]);
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-1">
      <div className="grid grid-cols-2 text-xs font-semibold text-muted">
        <span>{t('theirs', { version: current.stat.version })}</span>
        <span>{t('mine')}</span>
      </div>
      <div className="min-h-0 flex-1">
        <DiffView theirs={theirs} mine={mine} rep={rep} syntax={syntax} />
      </div>
    </div>
  );
}
