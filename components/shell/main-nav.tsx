'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { sectionHref } from '@/lib/client/urls';
import { cn } from '@/components/ui/cn';

const SECTIONS = ['browse', 'ensemble', 'kafka', 'events'] as const;

export function MainNav({ connection }: { connection: string }) {
  const t = useTranslations('header');
  const pathname = usePathname();
  return (
    <nav aria-label={t('sections')}>
      <ul className="flex items-center gap-1">
        {SECTIONS.map((section) => {
          const href = sectionHref(connection, section);
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn('rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap', current ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-subtle hover:text-fg')}
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
