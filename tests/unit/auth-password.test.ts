import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from '@/lib/auth/password';

describe('scrypt password hashes', () => {
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
});
