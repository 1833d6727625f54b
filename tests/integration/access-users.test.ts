/**
 * Sign-in mode (a users file): sessions, roles enforced on every route (the route list is read
 * from app/api/v1, so a new route is covered without touching this file), CSRF, the sign-in rate
 * limit, per-operator ZooKeeper credentials, and no secret in any answer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestId } from '@/lib/shared/digest';
import { hashPassword } from '@/lib/auth/password';
import { removeUser, upsertUser } from '@/lib/auth/users';
import { closeAllSessions } from '@/lib/zk/registry';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { answers, Browser, discoverRoutes, enc, fillTemplate, type Method } from './support/browser';

const saved = { ...process.env };
const PASSWORDS = { ada: 'ada-admin-pass-1', ed: 'ed-editor-pass-2', vic: 'vic-viewer-pass-3', gone: 'gone-user-pass-4' };
const ALICE = 'alice:rabbit-hole-5';
const BOB = 'bob:can-we-fix-it-6';
let usersFile: string;
let root: string;

/** Routes a viewer may call with POST/PUT/DELETE, and why: they change nothing in ZooKeeper. */
const VIEWER_MAY: Record<string, string> = {
  'POST /api/v1/session': 'signing in',
  'DELETE /api/v1/session': 'signing out',
  'POST /api/v1/connections/[id]/auth': 'adding ZooKeeper credentials to read protected nodes',
  'DELETE /api/v1/connections/[id]/auth': 'dropping those credentials',
  'POST /api/v1/connections/[id]/sync': 'sync only makes a read up to date',
  'POST /api/v1/connections/[id]/events/subscriptions': 'choosing what a live stream watches',
  'POST /api/v1/connections/[id]/bookmarks': 'bookmarks are the operator\'s own, not ZooKeeper data',
  'DELETE /api/v1/connections/[id]/bookmarks': 'removing one of those',
  'POST /api/v1/connections/[id]/compare': 'comparing with an export file (the body) only reads',
};
/** Routes that answer without a session. */
const PUBLIC: Record<string, string> = {
  'GET /api/v1/session': 'says whether anyone is signed in',
  'POST /api/v1/session': 'signing in',
  'DELETE /api/v1/session': 'signing out is always allowed',
};

const node = (path: string) => `/api/v1/connections/default/node?path=${enc(path)}`;
const AUTH = '/api/v1/connections/default/auth';

function expectError(res: { status: number; body: any }, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  return res.body.error.message as string;
}

async function signedIn(name: keyof typeof PASSWORDS): Promise<Browser> {
  const browser = new Browser();
  const res = await browser.call('POST', '/api/v1/session', { username: name, password: PASSWORDS[name] });
  expect(res.status).toBe(200);
  return browser;
}

function routeCalls(filter: (method: Method, key: string) => boolean): Array<{ key: string; method: Method; url: string }> {
  return discoverRoutes().flatMap((r) =>
    r.methods
      .map((method) => ({ method, key: `${method} ${r.template}` }))
      .filter(({ method, key }) => filter(method, key))
      .map(({ method, key }) => ({ key, method, url: `${fillTemplate(r.template, { id: 'default' })}?path=${enc(root)}&version=0` })),
  );
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-users-'));
  usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ada', role: 'admin', hash: await hashPassword(PASSWORDS.ada) });
  upsertUser(usersFile, { name: 'ed', role: 'editor', hash: await hashPassword(PASSWORDS.ed) });
  upsertUser(usersFile, { name: 'vic', role: 'viewer', hash: await hashPassword(PASSWORDS.vic) });
  upsertUser(usersFile, { name: 'gone', role: 'editor', hash: await hashPassword(PASSWORDS.gone) });
  process.env.ZOOSCOPE_USERS_FILE = usersFile;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  delete process.env.ZOOSCOPE_CONFIG;
  root = uniqueRoot('access-users');
  const ada = await signedIn('ada');
  expect((await ada.call('POST', '/api/v1/connections/default/node', { path: root, parents: true })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('sign-in', () => {
  it('signs in, says who is signed in, and signs out', async () => {
    const browser = new Browser();
    expect((await browser.call('GET', '/api/v1/session')).body).toEqual({ mode: 'users', user: null, expiresAt: null });
    const res = await browser.call('POST', '/api/v1/session', { username: 'ed', password: PASSWORDS.ed });
    expect(res.body).toEqual({ user: { name: 'ed', role: 'editor' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^zooscope_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const who = await browser.call('GET', '/api/v1/session');
    expect(who.body).toMatchObject({ mode: 'users', user: { name: 'ed', role: 'editor' } });
    expect(who.body.expiresAt).toBeGreaterThan(Date.now());
    expect((await browser.call('GET', node(root))).status).toBe(200);

    const out = await browser.call('DELETE', '/api/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expectError(await browser.call('GET', node(root)), 401, 'UNAUTHENTICATED');
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const res = await new Browser('https://127.0.0.1:3000').call('POST', '/api/v1/session', { username: 'vic', password: PASSWORDS.vic });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const wrong = expectError(await new Browser().call('POST', '/api/v1/session', { username: 'vic', password: 'nope' }), 401, 'UNAUTHENTICATED');
    const unknown = expectError(await new Browser().call('POST', '/api/v1/session', { username: 'mallory', password: 'nope' }), 401, 'UNAUTHENTICATED');
    expect(wrong).toBe(unknown);
    expectError(await new Browser().call('POST', '/api/v1/session', { username: 'vic' }), 400, 'INVALID_REQUEST');
  });

  it('throttles failed sign-ins with a growing wait and Retry-After, never a lockout', async () => {
    upsertUser(usersFile, { name: 'rl', role: 'viewer', hash: await hashPassword('rl-correct-pass') });
    for (let i = 0; i < 6; i++) {
      expectError(await new Browser().call('POST', '/api/v1/session', { username: 'rl', password: `guess-${i}` }), 401, 'UNAUTHENTICATED');
    }
    // Past the free attempts even the right password waits, briefly (tests/integration/sign-in-abuse.test.ts).
    const limited = await new Browser().call('POST', '/api/v1/session', { username: 'rl', password: 'rl-correct-pass' });
    expect(expectError(limited, 429, 'RATE_LIMITED')).toMatch(/try again in \d+ s/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBe(1);
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 50));
    expect((await new Browser().call('POST', '/api/v1/session', { username: 'rl', password: 'rl-correct-pass' })).status).toBe(200);
    // Other accounts are unaffected.
    expect((await new Browser().call('POST', '/api/v1/session', { username: 'vic', password: PASSWORDS.vic })).status).toBe(200);
  });

  it('ends the sessions of a user removed from the users file', async () => {
    const browser = await signedIn('gone');
    expect((await browser.call('GET', node(root))).status).toBe(200);
    removeUser(usersFile, 'gone');
    expectError(await browser.call('GET', node(root)), 401, 'UNAUTHENTICATED');
  });

  it('ends a session after the idle timeout', async () => {
    process.env.ZOOSCOPE_SESSION_IDLE_SECONDS = '1';
    try {
      const browser = await signedIn('vic');
      expect((await browser.call('GET', node(root))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1100));
      expectError(await browser.call('GET', node(root)), 401, 'UNAUTHENTICATED');
    } finally {
      delete process.env.ZOOSCOPE_SESSION_IDLE_SECONDS;
    }
  });
});

describe('enforcement on every route', () => {
  it('finds the route files', () => {
    const keys = discoverRoutes().flatMap((r) => r.methods.map((m) => `${m} ${r.template}`));
    expect(keys).toEqual(expect.arrayContaining(['PUT /api/v1/connections/[id]/node', 'PUT /api/v1/connections/[id]/acl', 'GET /api/v1/audit']));
    for (const key of [...Object.keys(VIEWER_MAY), ...Object.keys(PUBLIC)]) {
      if (!key.includes('events')) expect(keys).toContain(key);
    }
  });

  it('answers 401 UNAUTHENTICATED on every route without a session', async () => {
    const calls = routeCalls((_, key) => !(key in PUBLIC));
    expect(calls.length).toBeGreaterThan(10);
    const outcomes = await Promise.all(calls.map(async (c) => `${c.key} → ${(await new Browser().call(c.method, c.url, c.method === 'GET' ? undefined : {})).status}`));
    expect(outcomes).toEqual(calls.map((c) => `${c.key} → 401`));
  });

  it('answers 403 FORBIDDEN to a viewer on every write route, before reading the input', async () => {
    const vic = await signedIn('vic');
    const calls = routeCalls((method, key) => method !== 'GET' && !(key in VIEWER_MAY));
    expect(calls.map((c) => c.key)).toEqual(expect.arrayContaining(['POST /api/v1/connections/[id]/node', 'PUT /api/v1/connections/[id]/node', 'DELETE /api/v1/connections/[id]/node', 'PUT /api/v1/connections/[id]/acl']));
    const outcomes = await Promise.all(
      calls.map(async (c) => {
        const res = await vic.call(c.method, c.url, {});
        return `${c.key} → ${res.status} ${res.body?.error?.code}`;
      }),
    );
    expect(outcomes).toEqual(calls.map((c) => `${c.key} → 403 FORBIDDEN`));
    expect((await vic.call('GET', node(root))).status).toBe(200);
  });

  it('shows the dashboard’s ZooKeeper sessions (every operator’s) to admins only', async () => {
    const vic = await signedIn('vic');
    expect(expectError(await vic.call('GET', '/api/v1/sessions'), 403, 'FORBIDDEN')).toMatch(/needs the admin role/);
    expect((await (await signedIn('ada')).call('GET', '/api/v1/sessions')).status).toBe(200);
  });

  it('lets an editor change data but not ACLs or read the audit log', async () => {
    const ed = await signedIn('ed');
    const path = `${root}/by-editor`;
    expect((await ed.call('POST', '/api/v1/connections/default/node', { path, data: { text: 'v0' } })).status).toBe(201);
    expect((await ed.call('PUT', '/api/v1/connections/default/node', { path, data: { text: 'v1' }, version: 0 })).status).toBe(200);
    const acl = await ed.call('PUT', `/api/v1/connections/default/acl?path=${enc(path)}`, { acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }], version: 0 });
    expect(expectError(acl, 403, 'FORBIDDEN')).toMatch(/editor.*admin/);
    expect((await ed.call('GET', `/api/v1/connections/default/acl?path=${enc(path)}`)).status).toBe(200);
    expectError(await ed.call('GET', '/api/v1/audit'), 403, 'FORBIDDEN');
    expectError(await ed.call('GET', '/api/v1/audit/export'), 403, 'FORBIDDEN');
    const ada = await signedIn('ada');
    expect((await ada.call('PUT', `/api/v1/connections/default/acl?path=${enc(path)}`, { acl: [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }], version: 0 })).status).toBe(200);
    expect((await ada.call('GET', '/api/v1/audit')).status).toBe(200);
  });

  it('refuses a change sent from another origin even with a valid session', async () => {
    const ada = await signedIn('ada');
    const path = `${root}/csrf`;
    expectError(await ada.call('POST', '/api/v1/connections/default/node', { path }, { origin: 'https://evil.example' }), 403, 'FORBIDDEN');
    expectError(await ada.call('DELETE', `${node(root)}&version=0`, undefined, { 'sec-fetch-site': 'cross-site' }), 403, 'FORBIDDEN');
    expectError(await new Browser().call('POST', '/api/v1/session', { username: 'ada', password: PASSWORDS.ada }, { origin: 'https://evil.example' }), 403, 'FORBIDDEN');
    expectError(await ada.call('GET', node(path)), 404, 'NO_NODE');
  });
});

describe('per-operator ZooKeeper credentials', () => {
  it('gives two operators with different credentials different views', async () => {
    const ada = await signedIn('ada');
    const ed = await signedIn('ed');
    const digest = (cred: string) => digestId(cred.slice(0, cred.indexOf(':')), cred.slice(cred.indexOf(':') + 1));
    const a = `${root}/alice-only`;
    const b = `${root}/bob-only`;
    await ada.call('POST', '/api/v1/connections/default/node', { path: a, data: { text: 'A' } });
    await ada.call('POST', '/api/v1/connections/default/node', { path: b, data: { text: 'B' } });
    for (const n of ['one', 'two', 'three']) await ada.call('POST', '/api/v1/connections/default/node', { path: `${a}/${n}` });
    // Ada holds neither credential yet: giving the node away needs its path typed.
    expect((await ada.call('PUT', `/api/v1/connections/default/acl?path=${enc(a)}`, { acl: [{ scheme: 'digest', id: digest(ALICE), perms: 'cdrwa' }], version: 0, confirm: a })).status).toBe(200);
    expect((await ada.call('PUT', `/api/v1/connections/default/acl?path=${enc(b)}`, { acl: [{ scheme: 'digest', id: digest(BOB), perms: 'cdrwa' }], version: 0, confirm: b })).status).toBe(200);

    expect((await ada.call('POST', AUTH, { scheme: 'digest', credential: ALICE })).status).toBe(201);
    expect((await ed.call('POST', AUTH, { scheme: 'digest', credential: BOB })).status).toBe(201);
    expect((await ada.call('GET', node(a))).body.data.text).toBe('A');
    expect((await ed.call('GET', node(b))).body.data.text).toBe('B');
    expectError(await ada.call('GET', node(b)), 403, 'NO_AUTH');
    expectError(await ed.call('GET', node(a)), 403, 'NO_AUTH');
    // Paged child lists are cached on the server: the cache must not cross identities either.
    const children = (c: Browser, offset: number) => c.call('GET', `/api/v1/connections/default/children?path=${enc(a)}&offset=${offset}&limit=1`);
    expect((await children(ada, 0)).body.children).toEqual([{ name: 'one' }]);
    expect((await children(ada, 1)).body.children).toEqual([{ name: 'three' }]);
    expectError(await children(ed, 1), 403, 'NO_AUTH');
    expect((await ada.call('GET', AUTH)).body.identities.map((i: { id: string }) => i.id)).toEqual(['alice']);
    expect((await ed.call('GET', AUTH)).body.identities.map((i: { id: string }) => i.id)).toEqual(['bob']);
    // A viewer may add credentials to read, but the role still stops writes.
    const vic = await signedIn('vic');
    await vic.call('POST', AUTH, { scheme: 'digest', credential: ALICE });
    expect((await vic.call('GET', node(a))).status).toBe(200);
    expectError(await vic.call('PUT', '/api/v1/connections/default/node', { path: a, data: { text: 'x' }, version: 0 }), 403, 'FORBIDDEN');

    // Credentials belong to the sign-in session: signing out forgets them.
    await ada.call('DELETE', '/api/v1/session');
    const again = await signedIn('ada');
    expect((await again.call('GET', AUTH)).body.identities).toEqual([]);
    expectError(await again.call('GET', node(a)), 403, 'NO_AUTH');
  });

  it('never returned a password or digest credential in any answer', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const secret of [...Object.values(PASSWORDS), 'rl-correct-pass', ALICE, BOB, 'rabbit-hole-5', 'can-we-fix-it-6']) {
      const leaks = answers.filter((a) => a.text.includes(secret) || a.setCookie?.includes(secret));
      expect(leaks.map((a) => `${a.method} ${a.url}`)).toEqual([]);
    }
  });
});
