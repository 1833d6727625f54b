'use client';

import { useQuery } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SHORTCUT_EVENTS } from '@/components/ui/keys';
import { identitiesQuery } from '@/lib/client/identities';
import { lazy, useLazyOpen } from '@/lib/client/lazy';

const dialog = lazy(() => import('./identities-dialog-content').then((m) => m.IdentitiesDialogContent));

/** Opens the header's identities dialog; with `verifyPath`, credentials added are checked against reading that node. */
export function openIdentities(verifyPath?: string): void {
  window.dispatchEvent(new CustomEvent(SHORTCUT_EVENTS.identities, { detail: verifyPath }));
}

/**
 * The ZooKeeper identities (addauth) this operator holds on a connection. They live on the
 * server, bound to the sign-in session; the browser only ever sees scheme and user name. The one
 * in the header also opens for `openIdentities()`, so it outlives the panel that asked for it.
 */
export function IdentitiesDialog({ connection }: { connection: string }) {
  const t = useTranslations('auth.identities');
  const count = useQuery(identitiesQuery(connection)).data?.length ?? 0;
  const { loaded: Content, open, setOpen, show } = useLazyOpen(dialog);
  const [verifyPath, setVerifyPath] = useState<string | undefined>();
  const onRequest = useEffectEvent((e: Event) => {
    setVerifyPath((e as CustomEvent<string | undefined>).detail);
    show();
  });
  useEffect(() => {
    window.addEventListener(SHORTCUT_EVENTS.identities, onRequest);
    return () => window.removeEventListener(SHORTCUT_EVENTS.identities, onRequest);
  }, []);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={t('button', { count })}
        title={t('buttonTitle')}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setVerifyPath(undefined);
          show();
        }}
      >
        <KeyRound aria-hidden />
        <span className="tabular-nums">{count}</span>
      </Button>
      {Content && <Content connection={connection} open={open} onOpenChange={setOpen} verifyPath={verifyPath} />}
    </>
  );
}
