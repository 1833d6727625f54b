'use client';

import { Search } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Kbd } from '@/components/ui/kbd';
import { isModKey } from '@/components/ui/keys';

/** Key names are printed on the keys: the same in every language. */
const SHORTCUT = 'Ctrl K';

// The palette is its own chunk, fetched the first time it opens.
const QuickOpen = lazy(() => import('./quick-open').then((m) => ({ default: m.QuickOpen })));

/** The header's quick-open button and its shortcut, Ctrl/Cmd+K. */
export function QuickOpenTrigger({ connection }: { connection: string }) {
  const t = useTranslations('header');
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const show = (next: boolean) => {
    setWanted(true);
    setOpen(next);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isModKey(e, 'k') || e.shiftKey) return;
      e.preventDefault();
      setWanted(true);
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={t('quickOpen')} title={t('quickOpenTitle')} onClick={() => show(true)} onPointerEnter={() => setWanted(true)}>
        <Search aria-hidden />
        <span className="max-2xl:hidden">
          <Kbd>{SHORTCUT}</Kbd>
        </span>
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <QuickOpen connection={connection} open={open} onOpenChange={show} />
        </Suspense>
      )}
    </>
  );
}
