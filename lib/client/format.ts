import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { clockTime, formatBytes, formatNumber, localTime, relativeTime, timeOfDay } from '@/lib/shared/units';

/**
 * The formatters of lib/shared/units.ts bound to the dashboard's language: what components use
 * for byte sizes, numbers, dates and relative times (`const format = useFormat(); format.bytes(n)`).
 */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      bytes: (n: number) => formatBytes(n, locale),
      number: (n: number) => formatNumber(n, locale),
      relative: (ms: number, now?: number) => relativeTime(ms, now, locale),
      dateTime: (ms: number) => localTime(ms, locale),
      timeOfDay: (ms: number) => timeOfDay(ms, locale),
      clock: (ms: number) => clockTime(ms, locale),
    }),
    [locale],
  );
}

export type Format = ReturnType<typeof useFormat>;
