'use client';

import { WifiOff } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { toast } from '@/components/ui/toast';
import { useReachability } from '@/lib/client/use-reachability';

/**
 * While the server is away, a link to another page would fail its round trip and Next would fall
 * back to a full load: the browser's error page instead of this one. Such clicks wait; links
 * within the explorer (data-client-nav) need no server and go on.
 */
function useHoldPageLinks(held: boolean): void {
  const t = useTranslations('header.unreachable');
  useEffect(() => {
    if (!held) return;
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!(a instanceof HTMLAnchorElement) || a.origin !== window.location.origin || a.hasAttribute('data-client-nav') || a.hasAttribute('download')) return;
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || (a.target && a.target !== '_self')) return;
      e.preventDefault();
      e.stopPropagation();
      toast.error(t('heldTitle'), { description: t('heldDescription') });
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [held, t]);
}

/** Shown only while the Zooscope server cannot be reached (the ZooKeeper session is a separate matter). */
export function DashboardStatus() {
  const t = useTranslations('header.unreachable');
  const state = useReachability();
  useHoldPageLinks(state === 'unreachable');
  if (state === 'reachable') return null;
  return (
    <div
      role="status"
      aria-label={t('label')}
      title={t('title')}
      className="flex items-center gap-1.5 rounded-md bg-danger/10 px-2 py-1 text-xs font-medium text-danger"
    >
      <WifiOff aria-hidden className="size-3.5" />
      <span className="whitespace-nowrap max-md:hidden">{t('label')}</span>
    </div>
  );
}
