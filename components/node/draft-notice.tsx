'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/error-alert';
import type { Draft } from '@/lib/client/drafts';
import { useFormat } from '@/lib/client/format';

/** "Restore your unsaved edit?": a draft this browser kept of the value, offered on return. */
export function DraftNotice({ draft, version, onRestore, onDiscard }: { draft: Draft; version: number; onRestore(): void; onDiscard(): void }) {
  const t = useTranslations('node.draft');
  const format = useFormat();
  const moved = draft.version !== version;
  const when = format.relative(draft.savedAt);
  return (
    <Alert tone="warn" title={t('title')}>
      <p>{moved ? t('bodyMoved', { when, version: draft.version, now: version }) : t('body', { when, version: draft.version })}</p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="primary" onClick={onRestore}>
          {t('restore')}
        </Button>
        <Button size="sm" onClick={onDiscard}>
          {t('discard')}
        </Button>
      </div>
    </Alert>
  );
}
