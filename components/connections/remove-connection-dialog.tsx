'use client';

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
  const remove = useRemoveConnection();
  const run = () =>
    remove.mutate(
      { id: connection.id, version: connection.version ?? 0 },
      {
        onSuccess: ({ closedSessions }) => {
          toast.success(`Removed ${connection.id}${closedSessions ? ` (${closedSessions} session${closedSessions === 1 ? '' : 's'} closed)` : ''}`);
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
      <DialogContent title={`Remove connection ${connection.id}?`} description="Every open session on it closes, and with them their watches and live streams. Nothing in ZooKeeper changes.">
        {remove.error && <ErrorAlert error={remove.error} />}
        <div className="mt-3 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={run} disabled={remove.isPending}>
            Remove
          </Button>
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
