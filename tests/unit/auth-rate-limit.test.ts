import { describe, expect, it } from 'vitest';
import { clearFailures, recordFailure, retryAfterSeconds, SIGN_IN_LIMIT } from '@/lib/auth/rate-limit';

describe('sign-in rate limit', () => {
  it('allows the configured failures, then asks to wait until the oldest leaves the window', () => {
    const t0 = 1_000_000_000;
    for (let i = 0; i < SIGN_IN_LIMIT.maxFailures; i++) {
      expect(retryAfterSeconds('Carol', t0 + i * 1000)).toBe(0);
      recordFailure('carol', t0 + i * 1000);
    }
    const now = t0 + 10_000;
    expect(retryAfterSeconds('carol', now)).toBe(Math.ceil((t0 + SIGN_IN_LIMIT.windowMs - now) / 1000));
    expect(retryAfterSeconds('CAROL', now)).toBeGreaterThan(0); // names are matched case-insensitively
    expect(retryAfterSeconds('dave', now)).toBe(0); // per account
    expect(retryAfterSeconds('carol', t0 + SIGN_IN_LIMIT.windowMs + 1)).toBe(0);
  });

  it('forgets failures after a success', () => {
    for (let i = 0; i < SIGN_IN_LIMIT.maxFailures; i++) recordFailure('erin');
    expect(retryAfterSeconds('erin')).toBeGreaterThan(0);
    clearFailures('erin');
    expect(retryAfterSeconds('erin')).toBe(0);
  });
});
