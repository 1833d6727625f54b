/**
 * ZooKeeper ACLs and credentials through the REST API in local mode (no users file): addauth
 * held per browser, the ACL round trip with its version check, subtree application, and the
 * request guards (CSRF, DNS rebinding).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestId } from '@/lib/shared/digest';
import { closeAllSessions } from '@/lib/zk/registry';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { answers, Browser, enc } from './support/browser';

const saved = { ...process.env };
let root: string;
/** A second server with the SASL authentication provider, so sasl ACL entries can be saved. */
let saslServer: StandaloneServer;
const ALICE = 'alice:wonderland-9';
const BOB = 'bob:builder-7';

const node = (path: string) => `/api/v1/connections/default/node?path=${enc(path)}`;
const acl = (path: string, extra = '') => `/api/v1/connections/default/acl?path=${enc(path)}${extra}`;
const AUTH = '/api/v1/connections/default/auth';
const digestEntry = (cred: string, perms = 'cdrwa') => {
  const [user, password] = [cred.slice(0, cred.indexOf(':')), cred.slice(cred.indexOf(':') + 1)];
  return { scheme: 'digest', id: digestId(user, password), perms };
};

function expectError(res: { status: number; body: any }, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  return res.body.error.message as string;
}

const admin = new Browser();

beforeAll(async () => {
  saslServer = await startStandalone({ extraConfig: { 'authProvider.1': 'org.apache.zookeeper.server.auth.SASLAuthenticationProvider' } });
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-access-'));
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'sasl', connectString: saslServer.connectString }]));
  delete process.env.ZOOSCOPE_USERS_FILE;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  root = uniqueRoot('access');
  expect((await admin.call('POST', '/api/v1/connections/default/node', { path: root, parents: true })).status).toBe(201);
});

afterAll(async () => {
  closeAllSessions();
  await saslServer?.stop();
  process.env = saved;
});

describe('addauth', () => {
  it('tells what it can of a node it may not read: its stat always, its ACL where READ or ADMIN is granted', async () => {
    const hidden = `${root}/hidden`;
    const hinted = `${root}/hinted`;
    await admin.call('POST', '/api/v1/connections/default/node', { path: hidden, data: { text: 'x' }, acl: [digestEntry(ALICE)] });
    await admin.call('POST', '/api/v1/connections/default/node', { path: hinted, data: { text: 'y' }, acl: [digestEntry(ALICE, 'r'), { scheme: 'world', id: 'anyone', perms: 'a' }] });
    const browser = new Browser();
    const denied = await browser.call('GET', node(hidden));
    expectError(denied, 403, 'NO_AUTH');
    expect(denied.body.error.stat).toMatchObject({ version: 0, dataLength: 1, numChildren: 0 });
    expect(denied.body.error.acl).toBeNull();
    const hint = await browser.call('GET', node(hinted));
    expectError(hint, 403, 'NO_AUTH');
    // Without ADMIN on the entry's identity the server masks digest hashes: the user name stays.
    expect(hint.body.error.acl).toEqual([
      { scheme: 'digest', id: expect.stringMatching(/^alice:/), perms: 'r' },
      { scheme: 'world', id: 'anyone', perms: 'a' },
    ]);
  });

  it('keeps a digest-protected node unreadable until credentials are added, then readable', async () => {
    const path = `${root}/secret`;
    const created = await admin.call('POST', '/api/v1/connections/default/node', { path, data: { text: 'the cake is a lie' }, acl: [digestEntry(ALICE)] });
    expect(created.status).toBe(201);
    const browser = new Browser();
    const denied = expectError(await browser.call('GET', node(path)), 403, 'NO_AUTH');
    expect(denied).toMatch(/ACL does not allow/);
    expectError(await browser.call('GET', `/api/v1/connections/default/children?path=${enc(path)}`), 403, 'NO_AUTH');

    const added = await browser.call('POST', AUTH, { scheme: 'digest', credential: ALICE });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ identities: [{ scheme: 'digest', id: 'alice', addedAt: expect.any(Number) }] });
    // The browser gets an opaque session id in an HttpOnly, SameSite=Strict cookie; never the credential.
    const cookie = added.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^zooscope_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain http here

    const read = await browser.call('GET', node(path));
    expect(read.status).toBe(200);
    expect(read.body.data.text).toBe('the cake is a lie');
    expect((await browser.call('GET', AUTH)).body.identities).toEqual([{ scheme: 'digest', id: 'alice', addedAt: expect.any(Number) }]);

    // Another browser (no cookie) is unaffected.
    expectError(await new Browser().call('GET', node(path)), 403, 'NO_AUTH');
    expect((await new Browser().call('GET', AUTH)).body.identities).toEqual([]);

    const dropped = await browser.call('DELETE', `${AUTH}?scheme=digest&id=alice`);
    expect(dropped.body.identities).toEqual([]);
    expectError(await browser.call('GET', node(path)), 403, 'NO_AUTH');
  });

  it('gives two browsers with different credentials different views', async () => {
    await admin.call('POST', '/api/v1/connections/default/node', { path: `${root}/a`, data: { text: 'for alice' }, acl: [digestEntry(ALICE)] });
    await admin.call('POST', '/api/v1/connections/default/node', { path: `${root}/b`, data: { text: 'for bob' }, acl: [digestEntry(BOB)] });
    const alice = new Browser();
    const bob = new Browser();
    await alice.call('POST', AUTH, { scheme: 'digest', credential: ALICE });
    await bob.call('POST', AUTH, { scheme: 'digest', credential: BOB });
    expect((await alice.call('GET', node(`${root}/a`))).body.data.text).toBe('for alice');
    expect((await bob.call('GET', node(`${root}/b`))).body.data.text).toBe('for bob');
    expectError(await alice.call('GET', node(`${root}/b`)), 403, 'NO_AUTH');
    expectError(await bob.call('GET', node(`${root}/a`)), 403, 'NO_AUTH');
  });

  it('replaces a password for the same user and accepts a wrong one without granting anything', async () => {
    const browser = new Browser();
    await browser.call('POST', AUTH, { scheme: 'digest', credential: 'alice:wrong' });
    expectError(await browser.call('GET', node(`${root}/a`)), 403, 'NO_AUTH');
    const replaced = await browser.call('POST', AUTH, { scheme: 'digest', credential: ALICE });
    expect(replaced.body.identities.map((i: { id: string }) => i.id)).toEqual(['alice']);
    expect((await browser.call('GET', node(`${root}/a`))).status).toBe(200);
    expect((await browser.call('DELETE', AUTH)).body.identities).toEqual([]);
  });

  it('refuses malformed credentials and schemes it cannot add', async () => {
    const browser = new Browser();
    expect(expectError(await browser.call('POST', AUTH, { scheme: 'digest', credential: 'no-colon' }), 400, 'INVALID_REQUEST')).toMatch(/user:password/);
    expectError(await browser.call('POST', AUTH, { scheme: 'digest', credential: ':pw' }), 400, 'INVALID_REQUEST');
    expect(expectError(await browser.call('POST', AUTH, { scheme: 'ip', credential: '127.0.0.1' }), 422, 'UNSUPPORTED')).toMatch(/digest/);
    expectError(await browser.call('POST', AUTH, { scheme: 'digest' }), 400, 'INVALID_REQUEST');
    expectError(await browser.call('POST', '/api/v1/connections/nope/auth', { scheme: 'digest', credential: ALICE }), 404, 'UNKNOWN_CONNECTION');
    expectError(await browser.call('DELETE', `${AUTH}?scheme=digest`), 400, 'INVALID_REQUEST');
  });
});

describe('ACLs', () => {
  it('round-trips an edit and refuses a stale ACL version with the current ACL', async () => {
    const path = `${root}/acl-edit`;
    await admin.call('POST', '/api/v1/connections/default/node', { path });
    const first = await admin.call('GET', acl(path));
    expect(first.status).toBe(200);
    expect(first.body.acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }]);
    expect(first.body.stat.aversion).toBe(0);

    const next = [
      { scheme: 'world', id: 'anyone', perms: 'r' },
      { scheme: 'ip', id: '127.0.0.1', perms: 'cdrwa' },
      { scheme: 'ip', id: '10.1.0.0/16', perms: 'rw' },
      digestEntry(ALICE, 'ra'),
    ];
    const saved = await admin.call('PUT', acl(path), { acl: next, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body.stat.aversion).toBe(1);
    expect((await admin.call('GET', acl(path))).body.acl).toEqual(next);

    const stale = await admin.call('PUT', acl(path), { acl: [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }], version: 0 });
    expect(expectError(stale, 409, 'BAD_VERSION')).toMatch(/ACL version 0.*now at 1/);
    expect(stale.body.error.current.acl).toEqual(next);
    expect(stale.body.error.current.stat.aversion).toBe(1);
    expect((await admin.call('GET', acl(path))).body.acl).toEqual(next);
  });

  it('names the problem with an invalid entry before anything is sent', async () => {
    const path = `${root}/acl-bad`;
    await admin.call('POST', '/api/v1/connections/default/node', { path });
    const put = (entries: unknown) => admin.call('PUT', acl(path), { acl: entries, version: 0 });
    expect(expectError(await put([{ scheme: 'ip', id: '10.0.0.0/33', perms: 'r' }]), 400, 'INVALID_REQUEST')).toMatch(/prefix "\/33".*0 to 32/);
    expect(expectError(await put([{ scheme: 'ip', id: '300.1.1.1', perms: 'r' }]), 400, 'INVALID_REQUEST')).toMatch(/not an IPv4 or IPv6/);
    expect(expectError(await put([{ scheme: 'digest', id: 'alice:secret', perms: 'r' }]), 400, 'INVALID_REQUEST')).toMatch(/digest helper/);
    expect(expectError(await put([{ scheme: 'world', id: 'me', perms: 'r' }]), 400, 'INVALID_REQUEST')).toMatch(/anyone/);
    expect(expectError(await put([{ scheme: 'world', id: 'anyone', perms: 'rx' }]), 400, 'INVALID_REQUEST')).toMatch(/cdrwa/);
    expect(expectError(await put([]), 400, 'INVALID_REQUEST')).toMatch(/at least one/);
    expect(expectError(await put([{ scheme: 'magic', id: 'x', perms: 'r' }]), 400, 'INVALID_REQUEST')).toMatch(/Unknown scheme/);
    const twice = [
      { scheme: 'world', id: 'anyone', perms: 'r' },
      { scheme: 'world', id: 'anyone', perms: 'w' },
    ];
    expect(expectError(await put(twice), 400, 'INVALID_REQUEST')).toMatch(/listed twice/);
    expect((await admin.call('GET', acl(path))).body.stat.aversion).toBe(0);
  });

  it('explains entries the server has no provider for, and saves them where it has one', async () => {
    const path = `${root}/acl-schemes`;
    const sasl = { scheme: 'sasl', id: 'kafka/broker1@EXAMPLE.COM', perms: 'cdrwa' };
    const open = { scheme: 'world', id: 'anyone', perms: 'cdrwa' };
    await admin.call('POST', '/api/v1/connections/default/node', { path });
    const refused = await admin.call('PUT', acl(path), { acl: [open, sasl, { scheme: 'ip', id: '::1/128', perms: 'r' }], version: 0 });
    const message = expectError(refused, 400, 'INVALID_REQUEST');
    expect(message).toMatch(/no authentication provider for "sasl"/);
    expect(message).toMatch(/IPv4/);

    await admin.call('POST', '/api/v1/connections/sasl/node', { path, parents: true });
    const saved = await admin.call('PUT', `/api/v1/connections/sasl/acl?path=${enc(path)}`, { acl: [open, sasl], version: 0 });
    expect(saved.status).toBe(200);
    expect((await admin.call('GET', `/api/v1/connections/sasl/acl?path=${enc(path)}`)).body.acl).toEqual([open, sasl]);
  });

  it('explains the auth scheme without credentials and resolves it with them', async () => {
    const path = `${root}/acl-auth`;
    await admin.call('POST', '/api/v1/connections/default/node', { path });
    const entry = [{ scheme: 'auth', id: '', perms: 'cdrwa' }];
    expect(expectError(await admin.call('PUT', acl(path), { acl: entry, version: 0 }), 400, 'INVALID_REQUEST')).toMatch(/add credentials/);
    const browser = new Browser();
    await browser.call('POST', AUTH, { scheme: 'digest', credential: BOB });
    expect((await browser.call('PUT', acl(path), { acl: entry, version: 0 })).status).toBe(200);
    // ZooKeeper stores the session's identities in place of "auth".
    expect((await browser.call('GET', acl(path))).body.acl).toEqual([digestEntry(BOB)]);
    expectError(await new Browser().call('GET', node(path)), 403, 'NO_AUTH');
  });

  it('explains NO_AUTH when the ACL no longer grants admin', async () => {
    const path = `${root}/acl-lockout`;
    await admin.call('POST', '/api/v1/connections/default/node', { path });
    // Taking away our own admin permission needs the path typed (tests/integration/protected-nodes.test.ts).
    expect((await admin.call('PUT', acl(path), { acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }], version: 0, confirm: path })).status).toBe(200);
    const res = await admin.call('PUT', acl(path), { acl: [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }], version: 1 });
    expect(expectError(res, 403, 'NO_AUTH')).toMatch(/admin \(a\) permission/);
  });

  it('applies an ACL to a subtree with progress, checking the top node version first', async () => {
    const top = `${root}/tree`;
    for (const p of [`${top}/x/y`, `${top}/x/z`, `${top}/w`]) await admin.call('POST', '/api/v1/connections/default/node', { path: p, parents: true });
    expect((await admin.call('GET', `/api/v1/connections/default/subtree?path=${enc(top)}`)).body.count).toBe(5);
    const next = [digestEntry(ALICE)];

    const stale = await admin.call('PUT', acl(top, '&recursive=true'), { acl: next, version: 3, confirm: top });
    expectError(stale, 409, 'BAD_VERSION');
    expect((await admin.call('GET', acl(`${top}/x/y`))).body.acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }]);

    const res = await admin.call('PUT', acl(top, '&recursive=true'), { acl: next, version: 0, confirm: top }, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ applied: 1, total: 5 });
    expect(lines.at(-2)).toEqual({ applied: 5, total: 5 });
    expect(lines.at(-1)).toEqual({ done: true });
    const alice = new Browser();
    await alice.call('POST', AUTH, { scheme: 'digest', credential: ALICE });
    for (const p of [top, `${top}/x`, `${top}/x/y`, `${top}/x/z`, `${top}/w`]) {
      expect((await alice.call('GET', acl(p))).body.acl).toEqual(next);
      expectError(await admin.call('GET', node(p)), 403, 'NO_AUTH');
    }
  });

  it('reports the nodes of a subtree that refused the new ACL', async () => {
    const top = `${root}/partial`;
    await admin.call('POST', '/api/v1/connections/default/node', { path: `${top}/open`, parents: true });
    await admin.call('POST', '/api/v1/connections/default/node', { path: `${top}/locked`, acl: [{ scheme: 'world', id: 'anyone', perms: 'r' }] });
    const res = await admin.call('PUT', acl(top, '&recursive=true'), { acl: [{ scheme: 'world', id: 'anyone', perms: 'cdrw' }, { scheme: 'ip', id: '127.0.0.1', perms: 'a' }], version: 0 });
    expect(expectError(res, 403, 'NO_AUTH')).toMatch(/applied to 2 of 3 nodes; 1 refused/);
    expect(res.body.error.failed).toEqual([{ path: `${top}/locked`, code: 'NO_AUTH', message: expect.stringMatching(/admin/) }]);
    expect((await admin.call('GET', acl(`${top}/open`))).body.stat.aversion).toBe(1);
  });
});

describe('request guards', () => {
  it('refuses a state-changing request from another origin or marked cross-site', async () => {
    const path = `${root}/csrf`;
    const evil = await admin.call('POST', '/api/v1/connections/default/node', { path }, { origin: 'http://evil.example' });
    expect(expectError(evil, 403, 'FORBIDDEN')).toMatch(/evil\.example/);
    expectError(await admin.call('POST', '/api/v1/connections/default/node', { path }, { 'sec-fetch-site': 'cross-site' }), 403, 'FORBIDDEN');
    expectError(await admin.call('POST', '/api/v1/connections/default/node', { path }, { origin: 'null' }), 403, 'FORBIDDEN');
    expectError(await admin.call('POST', AUTH, { scheme: 'digest', credential: ALICE }, { origin: 'https://127.0.0.1.evil.example' }), 403, 'FORBIDDEN');
    // A plain HTML form cannot send JSON.
    expectError(await admin.call('POST', '/api/v1/connections/default/node', `path=${path}`, { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'INVALID_REQUEST');
    expectError(await admin.call('GET', node(path)), 404, 'NO_NODE');
    // Non-browser clients send no Origin: allowed.
    expect((await admin.call('POST', '/api/v1/connections/default/node', { path }, { origin: undefined, 'sec-fetch-site': undefined })).status).toBe(201);
  });

  it('answers only to loopback host names in local mode (DNS rebinding)', async () => {
    const rebound = new Browser('http://zooscope.evil.example:3000');
    expect(expectError(await rebound.call('GET', node(root)), 403, 'FORBIDDEN')).toMatch(/local mode/);
    expect((await new Browser('http://localhost:3000').call('GET', node(root))).status).toBe(200);
    expect((await new Browser('http://[::1]:3000').call('GET', node(root))).status).toBe(200);
  });

  it('reports local mode on GET /api/v1/session', async () => {
    const res = await new Browser().call('GET', '/api/v1/session');
    expect(res.body).toEqual({ mode: 'local', user: { name: 'local', role: 'admin' }, expiresAt: null });
  });

  it('never returned a password or digest credential in any answer', () => {
    expect(answers.length).toBeGreaterThan(40);
    for (const secret of ['wonderland-9', 'builder-7', ALICE, BOB]) {
      const leaks = answers.filter((a) => a.text.includes(secret) || a.setCookie?.includes(secret));
      expect(leaks.map((a) => `${a.method} ${a.url}`)).toEqual([]);
    }
  });
});
