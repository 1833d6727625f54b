/**
 * Byte counts, numbers and times as the UI shows them, formatted with Intl for a locale (the
 * dashboard's language; undefined: the runtime's). Binary units throughout; zxids stay hex
 * elsewhere. Components reach these through lib/client/format.ts (`useFormat()`), which passes
 * the current language.
 */

const KIB = 1024;
const MIB = 1024 * 1024;

/** Intl formatters are costly to make: one per (locale, options). */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(kind: string, locale: string | undefined, make: () => T): T {
  const key = `${kind}|${locale ?? ''}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

const fixed = (locale: string | undefined, digits: number) =>
  cached(`fixed${digits}`, locale, () => new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'min2' }));

export function formatNumber(n: number, locale?: string): string {
  return cached('number', locale, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(n);
}

export function formatBytes(n: number, locale?: string): string {
  if (n < KIB) return `${fixed(locale, 0).format(n)} B`;
  if (n < MIB) return `${fixed(locale, 1).format(n / KIB)} KiB`;
  return `${fixed(locale, 2).format(n / MIB)} MiB`;
}

/** Shown for a time that is not known: ZooKeeper reports 0 (the root node's ctime and mtime). */
export const NO_TIME = '—';

export function isKnownTime(ms: number): boolean {
  return ms > 0;
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "2 minutes ago", "in 3 seconds" ("2분 전"). */
export function relativeTime(ms: number, now = Date.now(), locale?: string): string {
  if (!isKnownTime(ms)) return NO_TIME;
  const diff = ms - now;
  const rtf = cached('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return rtf.format(Math.round(diff / size), unit);
  }
  return '';
}

/** Date and time: "Mar 4, 2025, 10:15:02 AM" ("2025. 3. 4. 오전 10:15:02"). */
export function localTime(ms: number, locale?: string): string {
  return isKnownTime(ms) ? cached('local', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })).format(ms) : NO_TIME;
}

/** The time of day: "10:15:02 AM". */
export function timeOfDay(ms: number, locale?: string): string {
  return isKnownTime(ms) ? cached('time', locale, () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })).format(ms) : NO_TIME;
}

/** A 24-hour clock to the millisecond, for event logs: "10:15:02.347". */
export function clockTime(ms: number, locale?: string): string {
  if (!isKnownTime(ms)) return NO_TIME;
  const clock = cached('clock', locale, () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false }));
  return clock.format(ms);
}

/** A length of time in its two largest units, for the catalog's `common.elapsed` ("45 s", "2 min 5 s", "3 h 10 min", "2 d 4 h"). */
export type ElapsedParts = { unit: 's'; s: number } | { unit: 'ms'; m: number; s: number } | { unit: 'hm'; h: number; m: number } | { unit: 'dh'; d: number; h: number };

export function elapsedParts(ms: number): ElapsedParts {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { unit: 's', s };
  const m = Math.floor(s / 60);
  if (m < 60) return { unit: 'ms', m, s: s % 60 };
  const h = Math.floor(m / 60);
  if (h < 24) return { unit: 'hm', h, m: m % 60 };
  return { unit: 'dh', d: Math.floor(h / 24), h: h % 24 };
}
