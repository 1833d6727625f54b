'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { toast } from '@/components/ui/toast';
import { confirmLeave, setLeaveGuard } from '@/lib/client/leave-guard';

/** An in-app link: same origin, same tab, no modifier (those open elsewhere and lose nothing). */
function internalLink(e: MouseEvent): boolean {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self') || a.hasAttribute('download')) return false;
  return a.origin === window.location.origin;
}

/**
 * While `reason` is set (unsaved work), leaving asks first: link clicks (captured before Next's
 * router sees them), reload and close (beforeunload), and the guarded pushes (lib/client/guarded-router).
 * Back/Forward cannot be held in the App Router, so they only say where the edit went: its draft.
 * Nothing is listened to while there is nothing to lose.
 */
export function useLeaveGuard(reason: string | null): void {
  const t = useTranslations('node.editor');
  useEffect(() => {
    if (reason === null) return;
    setLeaveGuard(reason);
    const onClick = (e: MouseEvent) => {
      if (internalLink(e) && !confirmLeave()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const onPopState = () => toast.warning(t('keptAsDraft'), { description: t('keptAsDraftHint') });
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      setLeaveGuard(null);
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
    };
  }, [reason, t]);
}
