'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRound, Lock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import type { AclEntry } from '@/lib/shared/types';
import { identitiesQuery } from '@/lib/client/identities';
import { openIdentities } from './identities-dialog';

/** What was refused; each has its own sentence in the catalog (auth.noAuth). */
export type NoAuthOperation = 'readNode' | 'listChildren' | 'readAcl';

/** Which identities of a (visible) ACL would let us read, in words. */
function useReadHint(acl: AclEntry[] | null | undefined): string | null {
  const t = useTranslations('auth.noAuth');
  if (acl === undefined) return null;
  if (acl === null) return t('aclHidden');
  const readers = acl.filter((e) => e.perms.includes('r'));
  if (readers.length === 0) return t('noReader');
  const names = readers.map((e) => (e.scheme === 'digest' ? t('digestUser', { user: e.id.slice(0, e.id.indexOf(':')) }) : `${e.scheme}:${e.id}`));
  return t('readers', { names: names.join(', ') });
}

/**
 * NO_AUTH, explained where it happens: the node's ACL does not allow this operation for the
 * identities this operator has on the connection, and adding credentials may change that. With
 * the node's ACL (`acl`, null when hidden), it names who may read; with `verifyPath`, credentials
 * added from here are checked against that node at once.
 */
export function NoAuthNotice({ connection, operation, acl, verifyPath, className }: { connection: string; operation: NoAuthOperation; acl?: AclEntry[] | null; verifyPath?: string; className?: string }) {
  const t = useTranslations('auth.noAuth');
  const hint = useReadHint(acl);
  const count = useQuery(identitiesQuery(connection)).data?.length ?? 0;
  return (
    <div role="alert" className={`flex gap-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm ${className ?? ''}`}>
      <Lock aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold">{t('title')}</p>
        <p>{t('body', { operation })}</p>
        {hint && <p>{hint}</p>}
        <Button size="sm" aria-haspopup="dialog" onClick={() => openIdentities(verifyPath)}>
          <KeyRound aria-hidden />
          {count > 0 ? t('manage', { count }) : t('add')}
        </Button>
      </div>
    </div>
  );
}
