/** Byte counts and times as the UI shows them, in the reader's locale. Binary units throughout. */

const KIB = 1024;
const MIB = 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < KIB) return `${n} B`;
  if (n < MIB) return `${(n / KIB).toFixed(1)} KiB`;
  return `${(n / MIB).toFixed(2)} MiB`;
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

/** "2 minutes ago", "in 3 seconds". */
export function relativeTime(ms: number, now = Date.now()): string {
  if (!isKnownTime(ms)) return NO_TIME;
  const diff = ms - now;
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= size || unit === 'second') return rtf.format(Math.round(diff / size), unit);
  }
  return '';
}

/** Date and time: "Mar 4, 2025, 10:15:02 AM". */
export function localTime(ms: number): string {
  return isKnownTime(ms) ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : NO_TIME;
}

const TIME_OF_DAY = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false });

/** The time of day: "10:15:02 AM". */
export function timeOfDay(ms: number): string {
  return isKnownTime(ms) ? TIME_OF_DAY.format(ms) : NO_TIME;
}

/** A 24-hour clock to the millisecond, for event logs: "10:15:02.347". */
export function clockTime(ms: number): string {
  return isKnownTime(ms) ? CLOCK.format(ms) : NO_TIME;
}

/** A length of time in its two largest units: "45 s", "2 min 5 s", "3 h 10 min", "2 d 4 h". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
