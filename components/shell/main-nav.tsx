'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { sectionHref } from '@/lib/client/urls';
import { cn } from '@/components/ui/cn';

const SECTIONS = [
  { section: 'browse', label: 'Browse' },
  { section: 'ensemble', label: 'Ensemble' },
  { section: 'kafka', label: 'Kafka' },
  { section: 'events', label: 'Events' },
] as const;

/** The sections; `vertical` in the header's folded menu. */
export function MainNav({ connection, vertical = false, label = 'Sections' }: { connection: string; vertical?: boolean; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className={cn('flex gap-1', vertical ? 'flex-col items-stretch' : 'items-center')}>
        {SECTIONS.map(({ section, label }) => {
          const href = sectionHref(connection, section);
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={cn('block rounded-md px-2.5 py-1.5 text-sm font-medium', current ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-subtle hover:text-fg')}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
