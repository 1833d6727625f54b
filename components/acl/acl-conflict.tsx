'use client';

import { useTranslations } from 'next-intl';
import { ConflictActions } from '@/components/ui/conflict-actions';
import { Alert } from '@/components/ui/error-alert';
import type { AclResponse } from '@/lib/shared/wire';
import type { AclEntry } from '@/lib/shared/types';
import { AclList } from './acl-list';

function Side({ title, label, acl }: { title: string; label: string; acl: readonly AclEntry[] }) {
  return (
    <section className="rounded-md border border-border">
      <h4 className="border-b border-border px-3 py-1 text-xs font-semibold text-muted">{title}</h4>
      <AclList acl={acl} label={label} />
    </section>
  );
}

/** A refused ACL save: the ACL as it is now beside the edit, then an explicit choice. */
export function AclConflict({ baseVersion, current, mine, busy, onReload, onOverwrite }: { baseVersion: number; current?: AclResponse; mine: AclEntry[]; busy: boolean; onReload(): void; onOverwrite(current: AclResponse): void }) {
  const t = useTranslations('acl.conflict');
  return (
    <div className="flex flex-col gap-2">
      <Alert title={t('title')}>{current ? t('refusedNow', { base: baseVersion, now: current.stat.aversion }) : t('refused', { base: baseVersion })}</Alert>
      {current && (
        <div className="grid grid-cols-2 gap-2">
          <Side title={t('theirs', { version: current.stat.aversion })} label={t('theirLabel')} acl={current.acl} />
          <Side title={t('mine')} label={t('myLabel')} acl={mine} />
        </div>
      )}
      <ConflictActions current={current} busy={busy} reloadLabel={t('reload')} onReload={onReload} onOverwrite={onOverwrite} className="justify-end" />
    </div>
  );
}
