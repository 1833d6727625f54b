'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { lazy, useLazyOpen } from '@/lib/client/lazy';
import type { ConnectionSummary } from '@/lib/shared/wire';

const dialog = lazy(() => import('./remove-connection-dialog').then((m) => m.RemoveConnectionDialog));

/** Remove, with confirmation; the dialog's code is fetched when it first opens. */
export function RemoveConnection({ connection }: { connection: ConnectionSummary }) {
  const t = useTranslations('connections');
  const tc = useTranslations('common');
  const { loaded: Dialog, open, setOpen, show } = useLazyOpen(dialog);
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={t('removeLabel', { id: connection.id })} aria-haspopup="dialog" onClick={show}>
        <Trash2 /> {tc('remove')}
      </Button>
      {Dialog && <Dialog connection={connection} open={open} onOpenChange={setOpen} />}
    </>
  );
}
