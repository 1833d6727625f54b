'use client';

import { BookmarkPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { saveAcl, useSavedAcls } from '@/lib/client/saved-acls';
import type { AclEntry } from '@/lib/shared/types';

const NAME_MAX = 60;

/** Keeps the node's ACL under a name in this browser, to pick when creating a node. */
export function SaveAclDialog({ connection, path, acl }: { connection: string; path: string; acl: AclEntry[] }) {
  const t = useTranslations('acl.saveAs');
  const tc = useTranslations('common');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const saved = useSavedAcls(connection);
  const trimmed = name.trim();
  const replaces = saved.some((s) => s.name === trimmed);
  const submit = () => {
    if (!trimmed) return;
    saveAcl(connection, trimmed, acl);
    toast.success(t('saved', { name: trimmed }), { description: t('savedHint') });
    setOpen(false);
  };
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setName('');
      }}
    >
      <Button size="sm" variant="ghost" title={t('buttonTitle')} onClick={() => setOpen(true)}>
        <BookmarkPlus aria-hidden />
        {t('button')}
      </Button>
      <DialogContent title={t('title')} description={t('description', { path })}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label className="block space-y-1 text-sm font-medium">
            <span>{t('name')}</span>
            <Input value={name} maxLength={NAME_MAX} onChange={(e) => setName(e.target.value)} autoFocus className="w-full" />
          </label>
          <p className="text-xs break-words text-muted">{acl.map((e) => `${e.scheme}:${e.id}:${e.perms}`).join(', ')}</p>
          {replaces && <p className="text-xs text-warn">{t('replaces', { name: trimmed })}</p>}
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={!trimmed}>
              {tc('save')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </DialogRoot>
  );
}
