'use client';

import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogClose, DialogContent, DialogRoot } from '@/components/ui/dialog';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useRemoveConnection } from '@/lib/client/connections';
import type { ConnectionSummary } from '@/lib/shared/wire';

/** Remove with confirmation, at the version shown; the server closes its sessions and watches. */
export function RemoveConnection({ connection }: { connection: ConnectionSummary }) {
  const [open, setOpen] = useState(false);
  const remove = useRemoveConnection();
  const run = () =>
    remove.mutate(
      { id: connection.id, version: connection.version ?? 0 },
      {
        onSuccess: ({ closedSessions }) => {
          toast.success(`Removed ${connection.id}${closedSessions ? ` (${closedSessions} session${closedSessions === 1 ? '' : 's'} closed)` : ''}`);
          setOpen(false);
        },
      },
    );
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        remove.reset();
        setOpen(next);
      }}
    >
      <Button size="sm" variant="ghost" aria-label={`Remove ${connection.id}`} onClick={() => setOpen(true)}>
        <Trash2 /> Remove
      </Button>
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
