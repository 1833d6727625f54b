'use client';

import { useEffect } from 'react';
import { toast } from '@/components/ui/toast';
import { confirmLeave, leaveGuardReason } from '@/lib/client/leave-guard';

/** An in-app link: same origin, same tab, no modifier (those open elsewhere and lose nothing). */
function internalLink(e: MouseEvent): boolean {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== '_self') || a.hasAttribute('download')) return false;
  return a.origin === window.location.origin;
}

/**
 * Asks before leaving unsaved work: for link clicks (captured before Next's router sees them), for
 * reload and close (beforeunload). Back/Forward cannot be held in the App Router, so they only say
 * where the edit went: its draft, offered again on return.
 */
export function LeaveGuard() {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (internalLink(e) && !confirmLeave()) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaveGuardReason() !== null) e.preventDefault();
    };
    const onPopState = () => {
      if (leaveGuardReason() !== null) toast.warning('Your unsaved edit is kept as a draft in this browser', { description: 'Open the node again to restore it.' });
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
  return null;
}
