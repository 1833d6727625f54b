import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, MAX_CONCURRENT_CHECKS, MAX_WAITING_CHECKS, needsRehash, passwordCheckLoad, verifyPassword } from '@/lib/auth/password';

// N = 2^17 costs a few hundred ms per hash on a busy machine.
describe('scrypt password hashes', { timeout: 60_000 }, () => {
  it('verifies the right password only, with a fresh salt per hash', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(isPasswordHash(a)).toBe(true);
    expect(a).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse ', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('never matches for a missing or malformed hash', async () => {
    expect(await verifyPassword('anything', null)).toBe(false);
    expect(await verifyPassword('anything', 'plaintext')).toBe(false);
    expect(isPasswordHash('scrypt$1$2$3$abc')).toBe(false);
  });

  it('refuses hand-edited cost parameters that would exhaust memory', async () => {
    const hash = await hashPassword('pw');
    const huge = hash.replace(/^scrypt\$\d+/, `scrypt$${2 ** 30}`);
    expect(await verifyPassword('pw', huge)).toBe(false);
  });

  it('uses OWASP’s parameters and asks to rehash older hashes', async () => {
    const hash = await hashPassword('pw');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(hash)).toBe(false);
    const old = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(needsRehash(old)).toBe(true);
  });

  it('runs at most a few checks at once and refuses beyond the queue', async () => {
    // A cheap hash (N = 2^10) of the same format: the cap is about concurrency, not cost.
    const salt = Buffer.alloc(16, 7);
    const hash = `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync('pw', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
    expect(await verifyPassword('pw', hash)).toBe(true);
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, passwordCheckLoad().running)), 5);
    const all = Array.from({ length: MAX_WAITING_CHECKS + MAX_CONCURRENT_CHECKS + 3 }, () => verifyPassword('nope', hash).then(() => 'checked', (e) => e.code as string));
    const outcomes = await Promise.all(all);
    clearInterval(probe);
    expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_CHECKS);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED')).toHaveLength(3);
    expect(passwordCheckLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
