'use client';

import { RefreshCw } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { useFormat } from '@/lib/client/format';
import { useNow } from './use-now';

/** A view's title, what it shows, and how fresh the polled figures are. */
export function ViewHeader({ title, description, updatedAt, fetching, pollMs, children }: {
  title: string;
  description: ReactNode;
  /** ms since the epoch of the last successful answer; 0 before the first. */
  updatedAt: number;
  fetching: boolean;
  pollMs: number;
  children?: ReactNode;
}) {
  const t = useTranslations('ensemble');
  const format = useFormat();
  const now = useNow();
  return (
    <header className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="text-sm text-muted">{description}</p>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2">
        {children}
        <p className="flex items-center gap-1.5 text-xs text-muted">
          <RefreshCw aria-hidden className={cn('size-3.5', fetching && 'animate-spin')} />
          {updatedAt > 0 ? (
            <span>
              {t.rich('updated', {
                ago: format.relative(Math.min(updatedAt, now), now),
                seconds: pollMs / 1000,
                time: (c) => <time dateTime={new Date(updatedAt).toISOString()}>{c}</time>,
              })}
            </span>
          ) : (
            <span>{t('loading')}</span>
          )}
        </p>
      </div>
    </header>
  );
}
