import { describe, expect, it } from 'vitest';
import { clearFailures, recordFailure, retryAfterSeconds, SIGN_IN_LIMIT, trackedCounters } from '@/lib/auth/rate-limit';

const t0 = 1_000_000_000;
const { account, address } = SIGN_IN_LIMIT;

describe('sign-in throttle', () => {
  it('allows the free attempts, then doubles the wait after each further failure', () => {
    for (let i = 0; i < account.free; i++) {
      expect(retryAfterSeconds('Carol', '10.0.0.1', t0)).toBe(0);
      recordFailure('carol', '10.0.0.1', t0);
    }
    expect(retryAfterSeconds('carol', '10.0.0.1', t0)).toBe(0);
    recordFailure('carol', '10.0.0.1', t0);
    expect(retryAfterSeconds('CAROL', '10.0.0.1', t0)).toBe(1); // names are matched case-insensitively
    recordFailure('carol', '10.0.0.1', t0 + 1000);
    expect(retryAfterSeconds('carol', '10.0.0.1', t0 + 1000)).toBe(2);
    recordFailure('carol', '10.0.0.1', t0 + 3000);
    expect(retryAfterSeconds('carol', '10.0.0.1', t0 + 3000)).toBe(4);
    expect(retryAfterSeconds('carol', '10.0.0.1', t0 + 7000)).toBe(0); // a backoff, not a lockout
  });

  it('never lets a stranger elsewhere slow the owner down, and caps the wait', () => {
    for (let i = 0; i < 40; i++) recordFailure('dora', '203.0.113.9', t0 + i);
    expect(retryAfterSeconds('dora', '203.0.113.9', t0 + 40)).toBe(account.maxMs / 1000);
    expect(retryAfterSeconds('dora', '192.168.7.7', t0 + 40)).toBe(0);
  });

  it('holds back a flood of made-up names from one address', () => {
    for (let i = 0; i < address.free; i++) recordFailure(`name-${i}`, '198.51.100.4', t0);
    expect(retryAfterSeconds('fresh-name', '198.51.100.4', t0)).toBe(0);
    recordFailure('another', '198.51.100.4', t0);
    expect(retryAfterSeconds('fresh-name', '198.51.100.4', t0)).toBe(1);
    expect(retryAfterSeconds('fresh-name', '198.51.100.5', t0)).toBe(0);
  });

  it('forgets an account’s failures from that address after a success', () => {
    for (let i = 0; i < account.free + 1; i++) recordFailure('erin', '10.0.0.2', t0);
    expect(retryAfterSeconds('erin', '10.0.0.2', t0)).toBeGreaterThan(0);
    clearFailures('erin', '10.0.0.2');
    expect(retryAfterSeconds('erin', '10.0.0.2', t0)).toBe(0);
  });

  it('never drops a running wait to make room: new names wait instead', () => {
    const saved = SIGN_IN_LIMIT.maxTracked;
    SIGN_IN_LIMIT.maxTracked = trackedCounters() + 4;
    try {
      const later = t0 + 10 * 60_000;
      for (let i = 0; i < account.free + 1; i++) recordFailure('frank', '10.9.9.9', later);
      expect(retryAfterSeconds('frank', '10.9.9.9', later)).toBeGreaterThan(0);
      // Fill the table with running waits (each address over its free attempts).
      for (let n = 0; trackedCounters() < SIGN_IN_LIMIT.maxTracked; n++) for (let i = 0; i <= address.free; i++) recordFailure(`x${n}`, `10.8.0.${n}`, later);
      expect(retryAfterSeconds('brand-new', '10.7.0.1', later)).toBe(60);
      expect(retryAfterSeconds('frank', '10.9.9.9', later)).toBeGreaterThan(0);
    } finally {
      SIGN_IN_LIMIT.maxTracked = saved;
    }
  });
});
