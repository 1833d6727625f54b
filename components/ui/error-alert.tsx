'use client';

import { AlertTriangle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useDescribeError } from '@/lib/client/errors';
import { cn } from './cn';

/** An API error as an alert that names the problem, in the dashboard's language; the code picks the title. */
export function ErrorAlert({ error, className, children }: { error: unknown; className?: string; children?: ReactNode }) {
  const { title, message, detail } = useDescribeError()(error);
  return (
    <Alert title={title} className={className}>
      {message}
      {detail && <ServerDetail message={detail} />}
      {children}
    </Alert>
  );
}

/** An error's message on one line (a table cell, a row): the server's own words as its tooltip. */
export function ErrorText({ error, className }: { error: unknown; className?: string }) {
  const { message, detail } = useDescribeError()(error);
  return (
    <span className={cn('text-xs text-danger', className)} title={detail}>
      {message}
    </span>
  );
}

function ServerDetail({ message }: { message: string }) {
  const t = useTranslations('errors');
  return <span className="mt-1 block text-xs text-muted">{t('serverSaid', { message })}</span>;
}

export function Alert({ title, tone = 'danger', className, children }: { title: string; tone?: 'danger' | 'warn'; className?: string; children?: ReactNode }) {
  return (
    <div
      role="alert"
      className={cn(
        'flex gap-2 rounded-md border px-3 py-2 text-sm',
        tone === 'danger' ? 'border-danger/40 bg-danger-soft' : 'border-warn/40 bg-warn-soft',
        className,
      )}
    >
      <AlertTriangle aria-hidden className={cn('mt-0.5 size-4 shrink-0', tone === 'danger' ? 'text-danger' : 'text-warn')} />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold">{title}</p>
        <div className="break-words">{children}</div>
      </div>
    </div>
  );
}
