'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { sectionHref } from '@/lib/client/urls';
import { cn } from '@/components/ui/cn';

const SECTIONS = ['browse', 'ensemble', 'kafka', 'events'] as const;

/** The sections; `vertical` in the header's folded menu. */
export function MainNav({ connection, vertical = false, label }: { connection: string; vertical?: boolean; label?: string }) {
  const t = useTranslations('header');
  const pathname = usePathname();
  return (
    <nav aria-label={label ?? t('sections')}>
      <ul className={cn('flex gap-1', vertical ? 'flex-col items-stretch' : 'items-center')}>
        {SECTIONS.map((section) => {
          const href = sectionHref(connection, section);
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn('block rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap', current ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-subtle hover:text-fg')}
              >
                {t(`nav.${section}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
