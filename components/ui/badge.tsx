import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'accent' | 'warn' | 'danger';

const TONES: Record<Tone, string> = {
  neutral: 'bg-subtle text-muted',
  accent: 'bg-accent-soft text-accent',
  warn: 'bg-warn-soft text-warn',
  danger: 'bg-danger-soft text-danger',
};

export function Badge({ tone = 'neutral', title, className, children }: { tone?: Tone; title?: string; className?: string; children: ReactNode }) {
  return (
    <span title={title} className={cn('inline-flex h-4.5 items-center rounded px-1 text-[10px] font-semibold tracking-wide whitespace-nowrap uppercase', TONES[tone], className)}>
      {children}
    </span>
  );
}
