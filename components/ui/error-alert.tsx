import { AlertTriangle } from 'lucide-react';
import type { ReactNode } from 'react';
import { describeError } from '@/lib/client/errors';
import { cn } from './cn';

/** An API error as an alert that names the problem; the code picks the title. */
export function ErrorAlert({ error, className, children }: { error: unknown; className?: string; children?: ReactNode }) {
  const { title, message } = describeError(error);
  return (
    <Alert title={title} className={className}>
      {message}
      {children}
    </Alert>
  );
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
