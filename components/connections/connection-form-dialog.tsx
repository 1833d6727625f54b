'use client';

import { Pencil, Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { lazy, useLazyOpen } from '@/lib/client/lazy';
import type { ConnectionSummary } from '@/lib/shared/wire';

const form = lazy(() => import('./connection-form').then((m) => m.ConnectionForm));

/** The Add / Edit button; the dialog (Radix and the form) is fetched when it first opens. */
export function ConnectionFormDialog({ editing }: { editing?: ConnectionSummary }) {
  const t = useTranslations('connections');
  const tc = useTranslations('common');
  const { loaded: Form, open, setOpen, show } = useLazyOpen(form);
  // Each opening starts from the connection as shown, with no error from the last attempt.
  const [opening, setOpening] = useState(0);
  const start = () => {
    setOpening((n) => n + 1);
    show();
  };
  return (
    <>
      {editing ? (
        <Button size="sm" variant="ghost" aria-label={t('editLabel', { id: editing.id })} aria-haspopup="dialog" onClick={start}>
          <Pencil /> {tc('edit')}
        </Button>
      ) : (
        <Button variant="primary" aria-haspopup="dialog" onClick={start}>
          <Plus /> {t('add')}
        </Button>
      )}
      {Form && <Form key={opening} editing={editing} open={open} onOpenChange={setOpen} />}
    </>
  );
}
