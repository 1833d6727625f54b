import { describe, expect, it } from 'vitest';
import { clockTime, formatBytes, localTime, NO_TIME, relativeTime, timeOfDay } from '@/lib/shared/units';

describe('formatBytes', () => {
  it('uses binary units throughout', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(1024 * 1024)).toBe('1.00 MiB');
    expect(formatBytes(5 * 1024 * 1024 + 512 * 1024)).toBe('5.50 MiB');
  });
});

describe('times', () => {
  const now = Date.UTC(2025, 2, 4, 10, 15, 2);

  it('show a dash for a zero time (the root node has no ctime or mtime)', () => {
    expect(localTime(0)).toBe(NO_TIME);
    expect(relativeTime(0, now)).toBe(NO_TIME);
    expect(timeOfDay(0)).toBe(NO_TIME);
    expect(clockTime(0)).toBe(NO_TIME);
  });

  it('say how long ago, in the largest whole unit', () => {
    const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    expect(relativeTime(now - 125_000, now)).toBe(rtf.format(-2, 'minute'));
    expect(relativeTime(now - 3 * 24 * 3600_000, now)).toBe(rtf.format(-3, 'day'));
    expect(relativeTime(now, now)).toBe(rtf.format(0, 'second'));
  });

  it('show real times', () => {
    expect(localTime(now)).not.toBe(NO_TIME);
    expect(clockTime(now + 347)).toMatch(/347$/);
  });
});

describe('formatting for a language', () => {
  it('formats numbers, byte sizes and times for the locale it is given', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KiB');
    expect(formatBytes(1536, 'de')).toBe('1,5 KiB');
    expect(formatBytes(123_456 * 1024 * 1024, 'en')).toBe('123,456.00 MiB');
    expect(relativeTime(Date.now() - 120_000, Date.now(), 'ko')).toBe('2분 전');
    expect(relativeTime(Date.now() - 120_000, Date.now(), 'en')).toBe('2 minutes ago');
    expect(localTime(Date.UTC(2025, 2, 4, 10, 15, 2), 'ko')).toMatch(/^2025\. 3\. 4\./);
  });
});
