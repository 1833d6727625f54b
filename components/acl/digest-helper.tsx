'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { Input } from '@/components/ui/input';
import { digestId } from '@/lib/shared/digest';

/**
 * user + password → `user:base64(sha1(user:password))`, computed in the browser: the password is
 * not sent anywhere and is forgotten with the form.
 */
export function DigestHelper({ user, password, onUser, onPassword }: { user: string; password: string; onUser(v: string): void; onPassword(v: string): void }) {
  const t = useTranslations('acl.digest');
  const id = useMemo(() => digestFromFields(user, password), [user, password]);
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium">
          {t('user')}
          <Input value={user} onChange={(e) => onUser(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-xs font-medium">
          {t('password')}
          <Input type="password" value={password} onChange={(e) => onPassword(e.target.value)} autoComplete="new-password" />
        </label>
      </div>
      <div className="flex items-center gap-1 text-xs">
        <span className="text-muted">{t('id')}</span>
        <output aria-label={t('idLabel')} className="min-w-0 flex-1 truncate font-mono">
          {id || '—'}
        </output>
        {id && <CopyButton value={id} label={t('copy')} />}
      </div>
    </div>
  );
}

/** The id a digest helper's fields stand for ('' until both are filled). */
export function digestFromFields(user: string, password: string): string {
  return user && password && !user.includes(':') ? digestId(user, password) : '';
}
