'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { identitiesQuery } from '@/lib/client/identities';
import { lazy, useLazyOpen } from '@/lib/client/lazy';

const dialog = lazy(() => import('./identities-dialog-content').then((m) => m.IdentitiesDialogContent));

/** What opens the dialog: `open` goes to the element's onClick, `count` is the active identities. */
export type IdentitiesTrigger = (count: number, open: () => void) => ReactNode;

/**
 * The ZooKeeper identities (addauth) this operator holds on a connection. They live on the
 * server, bound to the sign-in session; the browser only ever sees scheme and user name.
 */
export function IdentitiesDialog({ connection, trigger }: { connection: string; trigger?: IdentitiesTrigger }) {
  const count = useQuery(identitiesQuery(connection)).data?.length ?? 0;
  const { loaded: Content, open, setOpen, show } = useLazyOpen(dialog);
  return (
    <>
      {trigger ? (
        trigger(count, show)
      ) : (
        <Button size="sm" variant="ghost" aria-label={`ZooKeeper identities: ${count} active`} title="ZooKeeper identities (addauth)" aria-haspopup="dialog" aria-expanded={open} onClick={show}>
          <KeyRound aria-hidden />
          <span className="tabular-nums">{count}</span>
        </Button>
      )}
      {Content && <Content connection={connection} open={open} onOpenChange={setOpen} />}
    </>
  );
}
