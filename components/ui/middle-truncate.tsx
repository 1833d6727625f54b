import { cn } from './cn';

/** Characters kept whole at the end: a sequential counter (10 digits) and a little before it. */
const TAIL = 12;

/**
 * A name cut in the middle when it does not fit, so that its end (a sequential counter, a
 * version, a suffix) stays visible. The full text stays in the DOM for screen readers and copy;
 * `reveal` shows it whole in an overlay (the tree shows it while the row has keyboard focus).
 */
export function MiddleTruncate({ text, className, reveal }: { text: string; className?: string; reveal?: string }) {
  if (text.length <= TAIL + 8) return <span className={cn('truncate', className)}>{text}</span>;
  return (
    <span className={cn('relative flex min-w-0', className)}>
      <span className="truncate">{text.slice(0, -TAIL)}</span>
      <span className="shrink-0 whitespace-pre">{text.slice(-TAIL)}</span>
      {reveal && (
        <span aria-hidden className={cn('absolute top-0 left-0 z-10 hidden rounded bg-panel px-1 break-all shadow ring-1 ring-border', reveal)}>
          {text}
        </span>
      )}
    </span>
  );
}
