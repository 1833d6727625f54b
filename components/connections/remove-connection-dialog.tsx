'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { toast } from '@/components/ui/toast';
import { useRemoveConnection } from '@/lib/client/connection-changes';
import type { ConnectionSummary } from '@/lib/shared/wire';

/**
 * The confirmation of a removal, at the version shown; the server closes its sessions and
 * watches. Its own chunk, fetched when first opened (remove-connection.tsx).
 */
export function RemoveConnectionDialog({ connection, open, onOpenChange }: { connection: ConnectionSummary; open: boolean; onOpenChange(open: boolean): void }) {
  const t = useTranslations('connections.remove');
  const tc = useTranslations('common');
  const remove = useRemoveConnection();
  const run = () =>
    remove.mutate(
      { id: connection.id, version: connection.version ?? 0 },
      {
        onSuccess: ({ closedSessions }) => {
          toast.success(closedSessions ? t('doneClosed', { id: connection.id, count: closedSessions }) : t('done', { id: connection.id }));
          onOpenChange(false);
        },
      },
    );
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        remove.reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title={t('title', { id: connection.id })} description={t('description')}>
        {remove.error && <ErrorAlert error={remove.error} />}
        <div className="mt-3 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">{tc('cancel')}</Button>
          </DialogClose>
          <Button variant="danger" onClick={run} disabled={remove.isPending}>
            {tc('remove')}
          </Button>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
