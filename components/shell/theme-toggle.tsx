'use client';

import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { useSyncExternalStore, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { lazy, useLazyOpen } from '@/lib/client/lazy';

const menu = lazy(() => import('./theme-menu').then((m) => m.ThemeMenu));
const noop = () => () => {};
const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/**
 * Light, dark or the system's theme. Until first used this is a plain button: the menu's code
 * (Radix) is fetched when the pointer presses it or the keyboard opens it, and arrives open.
 */
export function ThemeToggle() {
  const t = useTranslations('common');
  const { resolvedTheme } = useTheme();
  const { loaded: Menu, open: wanted, show: open } = useLazyOpen(menu);
  // The stored theme is only known in the browser; the server renders a neutral icon.
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  const Icon = !mounted ? Monitor : resolvedTheme === 'dark' ? Moon : Sun;
  if (Menu && wanted) return <Menu icon={Icon} />;
  const onKeyDown = (e: KeyboardEvent) => {
    if (!OPEN_KEYS.has(e.key)) return;
    e.preventDefault();
    open();
  };
  return (
    <Button size="icon" variant="ghost" aria-label={t('theme')} title={t('theme')} aria-haspopup="menu" aria-expanded={false} onPointerDown={open} onKeyDown={onKeyDown}>
      <Icon />
    </Button>
  );
}
