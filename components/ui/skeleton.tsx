import { cn } from './cn';

/** A placeholder block the size of the content it stands for, so nothing shifts when it loads. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded bg-subtle', className)} />;
}
