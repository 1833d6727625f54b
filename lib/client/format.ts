import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { clockTime, elapsedParts, formatBytes, formatNumber, localTime, relativeTime, timeOfDay } from '@/lib/shared/units';

/**
 * The formatters of lib/shared/units.ts bound to the dashboard's language: what components use
 * for byte sizes, numbers, dates, relative times and lengths of time (`const format = useFormat(); format.bytes(n)`).
 */
export function useFormat() {
  const locale = useLocale();
  const t = useTranslations('common.elapsed');
  return useMemo(
    () => ({
      bytes: (n: number) => formatBytes(n, locale),
      number: (n: number) => formatNumber(n, locale),
      relative: (ms: number, now?: number) => relativeTime(ms, now, locale),
      dateTime: (ms: number) => localTime(ms, locale),
      timeOfDay: (ms: number) => timeOfDay(ms, locale),
      clock: (ms: number) => clockTime(ms, locale),
      /** A length of time in its two largest units, with the language's unit words ("2 min 5 s", "2분 5초"). */
      elapsed: (ms: number) => {
        const { unit, ...values } = elapsedParts(ms);
        return t(unit, values);
      },
    }),
    [locale, t],
  );
}

export type Format = ReturnType<typeof useFormat>;
