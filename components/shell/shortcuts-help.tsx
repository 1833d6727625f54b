'use client';

import { Keyboard } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useEffectEvent } from 'react';
import { Button } from '@/components/ui/button';
import { isTypingTarget, SHORTCUT_EVENTS } from '@/components/ui/keys';
import { lazy, useLazyOpen } from '@/lib/client/lazy';

const dialog = lazy(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog));

/** The "?" dialog, and the global single-key shortcuts ("?", "/", "n"). */
export function ShortcutsHelp() {
  const t = useTranslations('header');
  const { loaded: Dialog, open, setOpen, show } = useLazyOpen(dialog);
  const showOnKey = useEffectEvent(show);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const inTree = e.target instanceof HTMLElement && e.target.closest('[role="tree"]') !== null;
      if (e.key === '?') {
        e.preventDefault();
        showOnKey();
      } else if (e.key === '/' && !inTree) {
        const bar = document.querySelector<HTMLInputElement>('[data-shortcut="path-bar"]');
        if (bar) {
          e.preventDefault();
          bar.focus();
          bar.select();
        }
      } else if (e.key === 'n' && !inTree) {
        e.preventDefault();
        window.dispatchEvent(new Event(SHORTCUT_EVENTS.createNode));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <Button size="icon" variant="ghost" aria-label={t('shortcuts')} title={t('shortcutsTitle')} aria-haspopup="dialog" aria-expanded={open} onClick={show}>
        <Keyboard />
      </Button>
      {Dialog && <Dialog open={open} onOpenChange={setOpen} />}
    </>
  );
}
