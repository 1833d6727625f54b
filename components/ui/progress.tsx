'use client';

import * as RadixProgress from '@radix-ui/react-progress';

export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <RadixProgress.Root aria-label={label} value={value} max={max} className="relative h-2 w-full overflow-hidden rounded-full bg-subtle">
      <RadixProgress.Indicator className="h-full bg-accent transition-[width]" style={{ width: `${max > 0 ? (100 * value) / max : 0}%` }} />
    </RadixProgress.Root>
  );
}
