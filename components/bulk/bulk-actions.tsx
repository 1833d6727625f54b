'use client';

import { MoreHorizontal } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { lazy, useLazyOpen } from '@/lib/client/lazy';
import type { MenuPlace } from './bulk-menu';

/** The menu and its dialogs are a chunk of their own, fetched when the menu first opens. */
const menu = lazy(() => import('./bulk-menu').then((m) => m.BulkMenu));
const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/** "More actions" of the node panel: a plain button until first used, then the menu (arriving open), which stays. */
export function BulkActionsButton({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('bulk');
  const { loaded: Menu, open: wanted, show } = useLazyOpen(menu);
  if (Menu && wanted) return <Menu connection={connection} path={path} place={{ kind: 'button' }} />;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!OPEN_KEYS.has(e.key)) return;
    e.preventDefault();
    show();
  };
  return (
    <Button size="sm" variant="ghost" aria-label={t('moreActions')} title={t('moreActionsTitle')} aria-haspopup="menu" aria-expanded={false} onPointerDown={show} onKeyDown={onKeyDown}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}

/** The same menu at a tree row (context-menu key, Shift+F10, right click); `onDone` when it and its dialog have closed. */
export function TreeActionsMenu({ connection, path, place, onDone }: { connection: string; path: string; place: Extract<MenuPlace, { kind: 'row' }>; onDone(): void }) {
  const { loaded: Menu } = useLazyOpen(menu);
  useEffect(() => {
    menu.load().catch(onDone);
  }, [onDone]);
  return Menu && <Menu key={path} connection={connection} path={path} place={place} onDone={onDone} />;
}
