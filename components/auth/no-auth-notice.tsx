'use client';

import { KeyRound, Lock } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { IdentitiesDialog } from './identities-dialog';

/**
 * NO_AUTH, explained where it happens: the node's ACL does not allow this operation for the
 * identities this operator has on the connection, and adding credentials may change that.
 */
export function NoAuthNotice({ connection, operation, className }: { connection: string; operation: string; className?: string }) {
  return (
    <div role="alert" className={`flex gap-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm ${className ?? ''}`}>
      <Lock aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold">Not allowed for your identity</p>
        <p>This node&apos;s ACL does not allow {operation} for your identity; add credentials (for example a digest user and password) that it grants.</p>
        <IdentitiesDialog
          connection={connection}
          trigger={(count, open) => (
            <Button size="sm" aria-haspopup="dialog" onClick={open}>
              <KeyRound aria-hidden />
              {count > 0 ? `Manage credentials (${count} active)` : 'Add credentials'}
            </Button>
          )}
        />
      </div>
    </div>
  );
}
