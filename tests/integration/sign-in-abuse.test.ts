/**
 * Sign-in abuse (issue 14, item 5): a stranger cannot lock the owner out by name, guesses back
 * off per account and address, password checks run a few at a time, failures are aggregated
 * in the audit, and hashes with older scrypt parameters are replaced on the next sign-in.
 * Requests carry the client address the way the running server stamps it (socket-stamp.ts).
 */
import { scryptSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushFailedSignIns } from '@/lib/auth/failed-sign-ins';
import { hashPassword, MAX_CONCURRENT_CHECKS, passwordCheckLoad, verifyPassword } from '@/lib/auth/password';
import { installSocketStamp, REMOTE_ADDRESS_HEADER } from '@/lib/auth/socket-stamp';
import { upsertUser } from '@/lib/auth/users';
import { queryAudit } from '@/lib/audit/store';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString } from '../helpers/zk';
import { Browser } from './support/browser';

const saved = { ...process.env };
let usersFile: string;
const OWNER_PASSWORD = 'owner-long-password-1';

/** A hash of today's format at N = 2^10: checks take a millisecond, so waits are exact. */
function cheapHash(password: string): string {
  const salt = Buffer.alloc(16, 9);
  return `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
}

const signIn = (username: string, password: string, address: string) =>
  new Browser().call('POST', '/api/v1/session', { username, password }, { [REMOTE_ADDRESS_HEADER]: address });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-abuse-'));
  usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'owner', role: 'admin', hash: cheapHash(OWNER_PASSWORD) });
  upsertUser(usersFile, { name: 'fast', role: 'viewer', hash: cheapHash('fast-pass-1') });
  process.env.ZOOSCOPE_USERS_FILE = usersFile;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  delete process.env.ZOOSCOPE_CONFIG;
  // This process plays the server: the address header is trusted as the server's own stamp.
  installSocketStamp();
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('throttling', () => {
  it('lets the owner in at once however often a stranger elsewhere guessed', async () => {
    for (let i = 0; i < 6; i++) expect((await signIn('owner', `guess-${i}`, '203.0.113.9')).status).toBe(401);
    const stranger = await signIn('owner', OWNER_PASSWORD, '203.0.113.9');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn('owner', OWNER_PASSWORD, '192.0.2.10')).status).toBe(200);
  });

  it('doubles the wait for one address and name after the free attempts', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) expect((await signIn('fast', 'x', '198.51.100.20')).status).toBe(401);
    for (let i = 0; i < 3; i++) {
      expect((await signIn('fast', 'x', '198.51.100.20')).status).toBe(401);
      const refused = await signIn('fast', 'fast-pass-1', '198.51.100.20');
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      waits.push(Number(refused.headers.get('retry-after')));
      await new Promise((r) => setTimeout(r, waits.at(-1)! * 1000 + 20));
    }
    expect(waits).toEqual([1, 2, 4]);
    expect((await signIn('fast', 'fast-pass-1', '198.51.100.20')).status).toBe(200);
  });
});

describe('password checks', () => {
  it('run at most a few at a time under a flood of made-up names', async () => {
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, passwordCheckLoad().running)), 2);
    const flood = await Promise.all(Array.from({ length: 16 }, (_, i) => signIn(`made-up-${i}`, 'x', `10.77.0.${i}`)));
    clearInterval(probe);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_CHECKS);
    expect(new Set(flood.map((r) => r.status))).toEqual(new Set([401]));
  }, 120_000);

  it('replace a hash made with older parameters on the next sign-in', async () => {
    const salt = Buffer.alloc(16, 3);
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('old-pass-123', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64')}`;
    upsertUser(usersFile, { name: 'legacy', role: 'viewer', hash: old });
    expect((await signIn('legacy', 'old-pass-123', '192.0.2.30')).status).toBe(200);
    const stored = (JSON.parse(readFileSync(usersFile, 'utf8')) as { users: Array<{ name: string; hash: string }> }).users.find((u) => u.name === 'legacy')!.hash;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('old-pass-123', stored)).toBe(true);
    expect((await signIn('legacy', 'old-pass-123', '192.0.2.30')).status).toBe(200);
  }, 60_000);
});

describe('the audit', () => {
  it('records a guessing run as two entries: the first failure, then the count', async () => {
    upsertUser(usersFile, { name: 'target', role: 'viewer', hash: await hashPassword('target-pass-1') });
    for (let i = 0; i < 12; i++) await signIn('target', `guess-${i}`, `10.88.0.${i}`);
    const rows = () => queryAudit({ operator: 'target', operation: 'sign_in_failed' }).entries;
    expect(rows()).toHaveLength(1);
    expect(rows()[0].detail).toMatchObject({ failures: 1, reason: 'wrong password', address: '10.88.0.0' });
    flushFailedSignIns({ everything: true });
    const [aggregate] = rows();
    expect(rows()).toHaveLength(2);
    expect(aggregate.detail).toMatchObject({ failures: 11, aggregated: true });
    expect((aggregate.detail!.addresses as string[]).length).toBe(10);
  }, 120_000);
});
