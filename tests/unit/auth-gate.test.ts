import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gate } from '@/lib/auth/gate';
import { installSocketStamp, LOCAL_ADDRESS_HEADER } from '@/lib/auth/socket-stamp';
import { safeNext } from '@/lib/shared/redirect';
import { createSession } from '@/lib/auth/sessions';
import { upsertUser } from '@/lib/auth/users';

const HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new Request(`http://127.0.0.1:3000${path}`, { method: init.method ?? 'GET', headers: { host: '127.0.0.1:3000', ...init.headers } });

describe('request gate (proxy.ts)', () => {
  const saved = process.env.ZOOSCOPE_USERS_FILE;
  let cookie: string;
  let file: string;
  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'zooscope-gate-')), 'users.json');
    upsertUser(file, { name: 'gail', role: 'viewer', hash: HASH });
    process.env.ZOOSCOPE_USERS_FILE = file;
    cookie = `zooscope_session=${createSession('gail', 'user').token}`;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ZOOSCOPE_USERS_FILE;
    else process.env.ZOOSCOPE_USERS_FILE = saved;
  });

  it('sends pages to sign-in and refuses API calls without a session', () => {
    expect(gate(req('/c/default/browse'))).toEqual({ kind: 'sign-in' });
    expect(gate(req('/api/v1/connections'))).toMatchObject({ kind: 'refuse', status: 401, code: 'UNAUTHENTICATED' });
    expect(gate(req('/signin'))).toEqual({ kind: 'pass' });
    expect(gate(req('/api/v1/session', { method: 'POST', headers: { origin: 'http://127.0.0.1:3000' } }))).toEqual({ kind: 'pass' });
  });

  it('lets a signed-in user through and away from the sign-in page', () => {
    expect(gate(req('/c/default/browse', { headers: { cookie } }))).toEqual({ kind: 'pass' });
    expect(gate(req('/signin', { headers: { cookie } }))).toEqual({ kind: 'signed-in' });
    expect(gate(req('/c/default/browse', { headers: { cookie: 'zooscope_session=forged' } }))).toEqual({ kind: 'sign-in' });
  });

  it('refuses cross-site API changes before anything else', () => {
    expect(gate(req('/api/v1/session', { method: 'POST', headers: { origin: 'https://evil.example' } }))).toMatchObject({ kind: 'refuse', status: 403, code: 'FORBIDDEN' });
  });

  it('in local mode, serves nobody until requests are stamped with their socket', () => {
    delete process.env.ZOOSCOPE_USERS_FILE;
    try {
      // The address a client claims means nothing before this process stamps its requests.
      const claimed = req('/c/default/browse', { headers: { [LOCAL_ADDRESS_HEADER]: '127.0.0.1' } });
      expect(gate(claimed)).toMatchObject({ kind: 'refuse', status: 403, code: 'FORBIDDEN' });
    } finally {
      process.env.ZOOSCOPE_USERS_FILE = file;
    }
  });

  it('in local mode, serves loopback sockets and host names only', () => {
    delete process.env.ZOOSCOPE_USERS_FILE;
    installSocketStamp();
    const on = (address: string, headers: Record<string, string> = {}) => ({ headers: { [LOCAL_ADDRESS_HEADER]: address, ...headers } });
    try {
      expect(gate(req('/c/default/browse', on('127.0.0.1')))).toEqual({ kind: 'pass' });
      expect(gate(req('/c/default/browse', on('::1')))).toEqual({ kind: 'pass' });
      expect(gate(req('/c/default/browse', on('192.0.2.2')))).toMatchObject({ kind: 'refuse', status: 403 });
      expect(gate(req('/', on('127.0.0.1', { host: 'rebind.evil.example' })))).toMatchObject({ kind: 'refuse', status: 403 });
    } finally {
      process.env.ZOOSCOPE_USERS_FILE = file;
    }
  });

  it('only redirects to pages of this site after sign-in', () => {
    expect(safeNext('/c/default/browse/apps?x=1')).toBe('/c/default/browse/apps?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', '', null, undefined]) expect(safeNext(bad)).toBe('/');
  });
});
