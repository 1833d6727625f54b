'use client';

import { Menu, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useAutoClose } from '@/components/ui/use-auto-close';
import { CONNECTIONS_HREF } from '@/lib/client/urls';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';

/**
 * Below 1280 px the header's links fold into this menu (a disclosure: the sections, the
 * connections page; below 1024 px the language too), so that the header never runs off the screen.
 */
export function HeaderMenu({ connection }: { connection: string }) {
  const t = useTranslations('header');
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useAutoClose(open, setOpen, usePathname(), root);
  return (
    <div ref={root} className="relative xl:hidden">
      <Button size="icon" variant="ghost" aria-label={t('menu')} aria-expanded={open} aria-controls="header-menu" onClick={() => setOpen(!open)}>
        {open ? <X /> : <Menu />}
      </Button>
      <div id="header-menu" hidden={!open} className="absolute top-full left-0 z-50 mt-1 w-56 rounded-md border border-border bg-panel p-1 shadow-lg">
        <MainNav connection={connection} vertical label={t('sectionsMenu')} />
        <Link href={CONNECTIONS_HREF} className="mt-1 block rounded-md border-t border-border px-2.5 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-fg">
          {t('connections')}
        </Link>
        {/* The header shows the language from 1024 px up. */}
        <div className="mt-1 border-t border-border px-2.5 py-1.5 lg:hidden">
          <LanguageSwitch />
        </div>
      </div>
    </div>
  );
}
