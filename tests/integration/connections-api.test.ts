/**
 * Connections managed at run time through the API, as a signed-in admin and a viewer: stored next
 * to the audit log, refused for the ones from ZK_CONNECT and the file, validated, tested against a
 * real server with Debian's default zoo.cfg (AdminServer on a non-default port), and closed
 * (sessions and watches) when removed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { upsertUser } from '@/lib/auth/users';
import { closeAllSessions, listSessions } from '@/lib/zk/registry';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { testConnectString } from '../helpers/zk';
import { Browser, enc } from './support/browser';

const saved = { ...process.env };
let server: StandaloneServer;
let admin: Browser;
let viewer: Browser;

const CONNECTIONS = '/api/v1/connections';
const one = (id: string) => `${CONNECTIONS}/${enc(id)}`;

function expectError(res: { status: number; body: any }, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  return res.body.error.message as string;
}

async function signedIn(name: string, password: string): Promise<Browser> {
  const browser = new Browser();
  expect((await browser.call('POST', '/api/v1/session', { username: name, password })).status).toBe(200);
  return browser;
}

beforeAll(async () => {
  server = await startStandalone({ debianDefaults: true });
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-connections-'));
  const usersFile = join(dir, 'users.json');
  upsertUser(usersFile, { name: 'ada', role: 'admin', hash: await hashPassword('ada-admin-pass-1') });
  upsertUser(usersFile, { name: 'vic', role: 'viewer', hash: await hashPassword('vic-viewer-pass-3') });
  const configFile = join(dir, 'connections.json');
  writeFileSync(configFile, JSON.stringify({ connections: [{ id: 'filed', connectString: testConnectString() }] }));
  Object.assign(process.env, { ZOOSCOPE_USERS_FILE: usersFile, ZK_CONNECT: testConnectString(), ZOOSCOPE_AUDIT_FILE: join(dir, 'audit.sqlite'), ZOOSCOPE_CONFIG: configFile });
  admin = await signedIn('ada', 'ada-admin-pass-1');
  viewer = await signedIn('vic', 'vic-viewer-pass-3');
}, 60_000);

afterAll(async () => {
  closeAllSessions();
  process.env = saved;
  await server?.stop();
}, 30_000);

const input = () => ({ id: 'debian', name: 'Debian defaults', connectString: server.connectString, adminUrl: `http://{host}:${server.adminPort}/commands` });

describe('connections at run time', () => {
  it('refuses a viewer every change, with 403', async () => {
    expectError(await viewer.call('POST', CONNECTIONS, input()), 403, 'FORBIDDEN');
    expectError(await viewer.call('PUT', one('debian'), { ...input(), version: 1 }), 403, 'FORBIDDEN');
    expectError(await viewer.call('DELETE', `${one('debian')}?version=1`), 403, 'FORBIDDEN');
    expectError(await viewer.call('POST', `${one('default')}/test`), 403, 'FORBIDDEN');
    expectError(await viewer.call('POST', `${CONNECTIONS}/test`, input()), 403, 'FORBIDDEN');
  });

  it('tests unsaved settings: validated as an add, nothing stored, audited as a test', async () => {
    const unsaved = { ...input(), id: 'draft' };
    const test = await admin.call('POST', `${CONNECTIONS}/test`, unsaved);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, version: '3.8.0', session: { connected: true, error: null } });
    expect(test.body.members).toEqual([expect.objectContaining({ address: server.connectString, reachable: true, metricsSource: 'admin-server' })]);
    expect((await viewer.call('GET', CONNECTIONS)).body.connections.map((c: any) => c.id)).not.toContain('draft');
    expectError(await viewer.call('GET', `${one('draft')}/children?path=/`), 404, 'UNKNOWN_CONNECTION');
    // The test's own session is closed: none is left for the unsaved id.
    expect(listSessions().filter((s) => s.connectionId === 'draft')).toEqual([]);

    const unreachable = await admin.call('POST', `${CONNECTIONS}/test`, { ...unsaved, connectString: '127.0.0.1:1' });
    expect(unreachable.status).toBe(200);
    expect(unreachable.body).toMatchObject({ ok: false, session: { connected: false } });
    expect(expectError(await admin.call('POST', `${CONNECTIONS}/test`, { ...unsaved, connectString: 'zk1:2181,,zk2' }), 400, 'INVALID_REQUEST')).toMatch(/empty entry/);
    expect(expectError(await admin.call('POST', `${CONNECTIONS}/test`, { ...unsaved, tls: { ca: '/nowhere/ca.pem' } }), 400, 'INVALID_REQUEST')).toMatch(/tls\.ca "\/nowhere\/ca\.pem" does not exist/);
    expectError(await admin.call('POST', `${CONNECTIONS}/test`, { ...unsaved, extra: 1 }), 400, 'INVALID_REQUEST');

    const audit = (await admin.call('GET', '/api/v1/audit?connection=draft')).body.entries;
    expect(audit).toHaveLength(2);
    expect(audit.map((e: any) => [e.operator, e.operation, e.detail.unsaved, e.detail.ok])).toEqual([
      ['ada', 'connection_test', true, false],
      ['ada', 'connection_test', true, true],
    ]);
    expect(audit[1].detail.settings).toMatchObject({ connectString: server.connectString, adminUrl: unsaved.adminUrl });
  });

  it('reserves the id "test", which the unsaved-settings test takes', async () => {
    expect(expectError(await admin.call('POST', CONNECTIONS, { ...input(), id: 'test' }), 400, 'INVALID_REQUEST')).toMatch(/"test" is reserved/);
  });

  it('validates connect strings with several hosts and a chroot, and refuses fields it does not support', async () => {
    const bad = async (connectString: string) => expectError(await admin.call('POST', CONNECTIONS, { ...input(), connectString }), 400, 'INVALID_REQUEST');
    expect(await bad('zk1:2181,zk2:99999/kafka')).toMatch(/Not a host\[:port\].*"zk2:99999"/);
    expect(await bad('zk1:2181,,zk2:2181')).toMatch(/empty entry between commas/);
    expect(await bad('zk1:2181,zk2:2181/kafka//x')).toMatch(/chroot "\/kafka\/\/x" is not a valid ZooKeeper path/);
    expect(await bad('/kafka')).toMatch(/names no server/);
    expect(await bad('zk1:2181, zk2:2181')).toMatch(/contains spaces/);
    expectError(await admin.call('POST', CONNECTIONS, { ...input(), adminUrl: 'ftp://{host}/x' }), 400, 'INVALID_REQUEST');
    expect(expectError(await admin.call('POST', CONNECTIONS, { ...input(), tls: { ca: '/etc/ca.pem' } }), 400, 'INVALID_REQUEST')).toMatch(/tls/);
    expect(expectError(await admin.call('POST', CONNECTIONS, { ...input(), id: 'bad id' }), 400, 'INVALID_REQUEST')).toMatch(/id must be/);
  });

  it('adds, lists, tests, browses, edits at the version seen and removes a connection, all audited', async () => {
    const added = await admin.call('POST', CONNECTIONS, input());
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ ...input(), origin: 'runtime', version: 1, readOnly: false, sessionTimeoutMs: 30_000 });
    expectError(await admin.call('POST', CONNECTIONS, input()), 409, 'CONNECTION_EXISTS');

    const listed = (await viewer.call('GET', CONNECTIONS)).body.connections;
    expect(listed.map((c: any) => [c.id, c.origin, c.version])).toEqual([
      ['default', 'environment', null],
      ['filed', 'file', null],
      ['debian', 'runtime', 1],
    ]);

    const test = await admin.call('POST', `${one('debian')}/test`);
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({ ok: true, version: '3.8.0', health: 'green', session: { connected: true, error: null } });
    expect(test.body.session.sessionId).toMatch(/^[0-9a-f]+$/);
    expect(test.body.members).toEqual([expect.objectContaining({ address: server.connectString, reachable: true, mode: 'standalone', metricsSource: 'admin-server' })]);

    expect((await viewer.call('GET', `${one('debian')}/children?path=/`)).body.children.map((c: any) => c.name)).toContain('zookeeper');
    const ensemble = await viewer.call('GET', `${one('debian')}/ensemble`);
    expect(ensemble.body.servers[0]).toMatchObject({ metricsSource: 'admin-server', watches: expect.any(Number), ephemerals: expect.any(Number) });
    const open = listSessions().filter((s) => s.connectionId === 'debian');
    expect(open.length).toBeGreaterThan(0);

    expectError(await admin.call('PUT', one('debian'), { ...input(), name: 'stale', version: 7 }), 409, 'BAD_VERSION');
    expectError(await admin.call('PUT', one('debian'), { ...input(), id: 'other', version: 1 }), 400, 'INVALID_REQUEST');
    const edited = await admin.call('PUT', one('debian'), { ...input(), name: 'Renamed', readOnly: true, version: 1 });
    expect(edited.body).toMatchObject({ id: 'debian', name: 'Renamed', readOnly: true, version: 2 });
    // The sessions opened with the old settings are closed; the next request opens a new one.
    expect(open.every((s) => s.session.currentState === 'closed')).toBe(true);
    expectError(await admin.call('POST', `${one('debian')}/node`, { path: '/x' }), 403, 'READ_ONLY');

    expectError(await admin.call('DELETE', `${one('debian')}?version=1`), 409, 'BAD_VERSION');
    await admin.call('GET', `${one('debian')}/children?path=/`);
    const reopened = listSessions().filter((s) => s.connectionId === 'debian');
    expect(reopened.length).toBeGreaterThan(0);
    const removed = await admin.call('DELETE', `${one('debian')}?version=2`);
    expect(removed.status).toBe(200);
    expect(removed.body.closedSessions).toBe(reopened.length);
    expect(reopened.every((s) => s.session.currentState === 'closed')).toBe(true);
    expectError(await viewer.call('GET', `${one('debian')}/children?path=/`), 404, 'UNKNOWN_CONNECTION');
    expectError(await admin.call('DELETE', `${one('debian')}?version=2`), 404, 'UNKNOWN_CONNECTION');

    const audit = (await admin.call('GET', '/api/v1/audit?connection=debian')).body.entries;
    expect(audit.map((e: any) => [e.operator, e.operation]).reverse()).toEqual([
      ['ada', 'connection_add'],
      ['ada', 'connection_test'],
      ['ada', 'connection_edit'],
      ['ada', 'connection_remove'],
    ]);
  });

  it('refuses to change or remove the connections from the environment and the file, with 409', async () => {
    const { id: _, ...settings } = input();
    expect(expectError(await admin.call('PUT', one('default'), { ...settings, version: 1 }), 409, 'CONFIG_READ_ONLY')).toMatch(/ZK_CONNECT/);
    expect(expectError(await admin.call('DELETE', `${one('filed')}?version=1`), 409, 'CONFIG_READ_ONLY')).toMatch(/ZOOSCOPE_CONFIG/);
    expectError(await admin.call('POST', CONNECTIONS, { ...input(), id: 'filed' }), 409, 'CONFIG_READ_ONLY');
    // Testing is not a change: it works on those too.
    expect((await admin.call('POST', `${one('filed')}/test`)).body).toMatchObject({ ok: true, members: [expect.objectContaining({ mode: 'standalone' })] });
  });
});
