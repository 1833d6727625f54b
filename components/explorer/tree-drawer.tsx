'use client';

import { ListTree, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAutoClose } from '@/components/ui/use-auto-close';
import { useBrowsePath } from './use-browse-path';

/**
 * The namespace tree: a column beside the node on wide screens, a drawer over it on narrow ones
 * (opened by its button, closed by choosing a node, Escape or its close button).
 */
export function TreeDrawer({ children }: { children: ReactNode }) {
  const t = useTranslations('explorer.drawer');
  const [open, setOpen] = useState(false);
  useAutoClose(open, setOpen, useBrowsePath());
  return (
    <>
      <Button
        variant="primary"
        aria-expanded={open}
        aria-controls="namespace-tree"
        aria-label={open ? t('hide') : t('show')}
        onClick={() => setOpen(!open)}
        className="fixed bottom-3 left-3 z-50 shadow-lg md:hidden"
      >
        {open ? <X aria-hidden /> : <ListTree aria-hidden />}
        {t('button')}
      </Button>
      <aside
        id="namespace-tree"
        aria-label={t('label')}
        className={cn(
          'flex w-[22rem] shrink-0 flex-col border-r border-border bg-panel',
          // Room at the bottom for the button that floats there, so it covers none of the lists.
          'max-md:fixed max-md:inset-y-0 max-md:left-0 max-md:z-40 max-md:w-[min(22rem,88vw)] max-md:pb-14 max-md:shadow-xl',
          !open && 'max-md:hidden',
        )}
      >
        {children}
      </aside>
    </>
  );
}
