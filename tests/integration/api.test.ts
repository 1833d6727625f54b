import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllSessions } from '@/lib/zk/registry';
import { startStandalone } from '@/scripts/lib/zk-server';
import { api, enc } from './support/api';
import { testConnectString, uniqueRoot } from '../helpers/zk';

let root: string;
let noTtlServer: Awaited<ReturnType<typeof startStandalone>>;
const saved = { ...process.env };

const node = (path: string) => `/api/v1/connections/default/node?path=${enc(path)}`;
const text = (t: string) => ({ text: t });

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message.length).toBeGreaterThan(5);
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
}

beforeAll(async () => {
  noTtlServer = await startStandalone({ ttl: false });
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-api-'));
  const configFile = join(dir, 'connections.json');
  writeFileSync(
    configFile,
    JSON.stringify([
      { id: 'ro', name: 'Read-only', connectString: testConnectString(), readOnly: true },
      { id: 'nottl', name: 'No TTL', connectString: noTtlServer.connectString },
      { id: 'down', name: 'Unreachable', connectString: '127.0.0.1:1' },
    ]),
  );
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_CONFIG = configFile;
  process.env.ZOOSCOPE_CONNECT_WAIT_MS = '1500';
  root = uniqueRoot('api');
  const res = await api('POST', '/api/v1/connections/default/node', { path: root, mode: 'persistent', parents: true });
  expect(res.status).toBe(201);
}, 60_000);

afterAll(async () => {
  closeAllSessions();
  await noTtlServer?.stop();
  process.env = saved;
});

describe('REST API v1', () => {
  it('lists connections and describes the session', async () => {
    const list = await api('GET', '/api/v1/connections');
    expect(list.status).toBe(200);
    expect(list.body.connections.map((c: { id: string }) => c.id).sort()).toEqual(['default', 'down', 'nottl', 'ro']);
    expect(list.body.connections.find((c: { id: string }) => c.id === 'ro').readOnly).toBe(true);
    const session = await api('GET', '/api/v1/connections/default/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ state: 'connected', server: testConnectString() });
    expect(session.body.sessionId).toMatch(/^[0-9a-f]+$/);
    expect(session.body.timeoutMs).toBeGreaterThan(0);
    expectError(await api('GET', '/api/v1/connections/nope/session'), 404, 'UNKNOWN_CONNECTION');
  });

  it('creates, reads, updates and deletes a node with JSON bodies', async () => {
    const created = await api('POST', '/api/v1/connections/default/node', { path: `${root}/cfg`, data: text('{"a":1}'), mode: 'persistent' });
    expect(created.status).toBe(201);
    expect(created.body.path).toBe(`${root}/cfg`);
    const read = await api('GET', node(`${root}/cfg`));
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ text: '{"a":1}', format: 'json', size: 7, base64: Buffer.from('{"a":1}').toString('base64') });
    const updated = await api('PUT', '/api/v1/connections/default/node', { path: `${root}/cfg`, data: text('a: 1\nb: [2]\n'), version: read.body.stat.version });
    expect(updated.status).toBe(200);
    expect(updated.body.stat.version).toBe(read.body.stat.version + 1);
    expect((await api('GET', node(`${root}/cfg`))).body.data.format).toBe('yaml');
    const stale = await api('PUT', '/api/v1/connections/default/node', { path: `${root}/cfg`, data: text('mine'), version: read.body.stat.version });
    expectError(stale, 409, 'BAD_VERSION');
    expect(stale.body.error.current.stat.version).toBe(updated.body.stat.version);
    expect(stale.body.error.current.data.text).toBe('a: 1\nb: [2]\n');
    expectError(await api('DELETE', `${node(`${root}/cfg`)}&version=0`), 409, 'BAD_VERSION');
    const del = await api('DELETE', `${node(`${root}/cfg`)}&version=${updated.body.stat.version}`);
    expect(del.status).toBe(204);
    expectError(await api('GET', node(`${root}/cfg`)), 404, 'NO_NODE');
  });

  it('round-trips binary data byte-exact through base64', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => 255 - i));
    const created = await api('POST', '/api/v1/connections/default/node', { path: `${root}/bin`, data: { base64: bytes.toString('base64') } });
    expect(created.status).toBe(201);
    const read = await api('GET', node(`${root}/bin`));
    expect(read.body.data.format).toBe('binary');
    expect(read.body.data.text).toBeNull();
    expect(Buffer.from(read.body.data.base64, 'base64').equals(bytes)).toBe(true);
  });

  it('stores gzip values and describes their inflated content', async () => {
    const created = await api('POST', '/api/v1/connections/default/node', { path: `${root}/gz`, data: { text: '{"zipped":true}', compress: 'gzip' } });
    expect(created.status).toBe(201);
    const read = await api('GET', node(`${root}/gz`));
    expect(read.body.data.format).toBe('gzip');
    expect(read.body.data.inflated).toMatchObject({ text: '{"zipped":true}', format: 'json' });
  });

  it('creates every mode through the API, TTL included', async () => {
    await api('POST', '/api/v1/connections/default/node', { path: `${root}/m` });
    for (const mode of ['persistent', 'persistent_sequential', 'ephemeral', 'ephemeral_sequential', 'container', 'ttl', 'ttl_sequential']) {
      const res = await api('POST', '/api/v1/connections/default/node', {
        path: `${root}/m/${mode}${mode.endsWith('sequential') ? '-' : ''}`,
        mode,
        ...(mode.startsWith('ttl') ? { ttlMs: 30_000 } : {}),
      });
      expect({ mode, status: res.status }).toEqual({ mode, status: 201 });
      expect(res.body.stat.version).toBe(0);
    }
    const list = await api('GET', `/api/v1/connections/default/children?path=${enc(`${root}/m`)}`);
    expect(list.body.total).toBe(7);
  });

  it('tells whether the server takes TTL nodes, without writing anything', async () => {
    const rootsBefore = (await api('GET', '/api/v1/connections/nottl/children?path=%2F')).body.total;
    expect((await api('GET', '/api/v1/connections/default/capabilities')).body).toEqual({ ttl: { available: true } });
    const off = await api('GET', '/api/v1/connections/nottl/capabilities');
    expect(off.status).toBe(200);
    expect(off.body.ttl.available).toBe(false);
    expect(off.body.ttl.reason).toMatch(/TTL nodes are disabled on this server/);
    expect((await api('GET', '/api/v1/connections/nottl/children?path=%2F')).body.total).toBe(rootsBefore);
  });

  it('pages children with offset, limit, prefix and stat', async () => {
    const parent = `${root}/kids`;
    await api('POST', '/api/v1/connections/default/node', { path: parent });
    for (const n of ['b', 'a', 'c2', 'c1', 'd']) await api('POST', '/api/v1/connections/default/node', { path: `${parent}/${n}`, data: text(n) });
    const all = await api('GET', `/api/v1/connections/default/children?path=${enc(parent)}`);
    expect(all.body.children.map((c: { name: string }) => c.name)).toEqual(['a', 'b', 'c1', 'c2', 'd']);
    expect(all.body.total).toBe(5);
    expect(all.body.stat.numChildren).toBe(5);
    const page = await api('GET', `/api/v1/connections/default/children?path=${enc(parent)}&offset=1&limit=2&stat=true`);
    expect(page.body.children.map((c: { name: string }) => c.name)).toEqual(['b', 'c1']);
    expect(page.body.children[0].stat.dataLength).toBe(1);
    const prefixed = await api('GET', `/api/v1/connections/default/children?path=${enc(parent)}&prefix=c`);
    expect(prefixed.body).toMatchObject({ total: 2, children: [{ name: 'c1' }, { name: 'c2' }] });
    expectError(await api('GET', `/api/v1/connections/default/children?path=${enc(parent)}&limit=5001`), 400, 'INVALID_REQUEST');
    expectError(await api('GET', `/api/v1/connections/default/children?path=${enc(parent)}&limit=abc`), 400, 'INVALID_REQUEST');
  });

  it('counts a subtree and streams recursive-delete progress', async () => {
    const top = `${root}/sub`;
    await api('POST', '/api/v1/connections/default/node', { path: `${top}/x/y`, parents: true });
    await api('POST', '/api/v1/connections/default/node', { path: `${top}/z` });
    const count = await api('GET', `/api/v1/connections/default/subtree?path=${enc(top)}`);
    expect(count.body).toEqual({ path: top, count: 4, truncated: false });
    expectError(await api('DELETE', `${node(top)}&version=-1`), 409, 'NOT_EMPTY');
    const res = await api('DELETE', `${node(top)}&version=0&recursive=true`, undefined, { accept: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    const lines = String(res.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toEqual({ done: true });
    expect(lines.at(-2)).toEqual({ deleted: 4, total: 4 });
    expectError(await api('GET', node(top)), 404, 'NO_NODE');
  });

  it('syncs a path', async () => {
    expect((await api('POST', `/api/v1/connections/default/sync?path=${enc(root)}`)).status).toBe(204);
  });

  it('maps every provokable error to its code and status', async () => {
    expectError(await api('GET', node('no-slash')), 400, 'INVALID_PATH');
    expectError(await api('GET', node('/a//b')), 400, 'INVALID_PATH');
    expectError(await api('GET', '/api/v1/connections/default/node'), 400, 'INVALID_REQUEST');
    expectError(await api('POST', '/api/v1/connections/default/node', 'not json'), 400, 'INVALID_REQUEST');
    expectError(await api('POST', '/api/v1/connections/default/node', 'path=/x', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'INVALID_REQUEST');
    expectError(await api('POST', '/api/v1/connections/default/node', { path: `${root}/bad`, mode: 'weird' }), 400, 'INVALID_REQUEST');
    expectError(await api('POST', '/api/v1/connections/default/node', { path: `${root}/bad`, data: { base64: '***' } }), 400, 'INVALID_REQUEST');
    expectError(await api('POST', '/api/v1/connections/default/node', { path: `${root}/bad`, mode: 'ttl' }), 400, 'INVALID_REQUEST');
    expectError(await api('PUT', '/api/v1/connections/default/node', { path: root, data: text('x') }), 400, 'INVALID_REQUEST');
    expectError(await api('GET', node(`${root}/missing`)), 404, 'NO_NODE');
    // A missing node's error names the closest ancestor that exists, for "Node not found" to offer.
    const deep = await api('GET', node(`${root}/missing/deeper/still`));
    expectError(deep, 404, 'NO_NODE');
    expect(deep.body.error.nearestAncestor).toBe(root);
    expectError(await api('GET', '/api/v1/connections/nope/node?path=%2F'), 404, 'UNKNOWN_CONNECTION');
    expectError(await api('POST', '/api/v1/connections/default/node', { path: root }), 409, 'NODE_EXISTS');
    const eph = await api('POST', '/api/v1/connections/default/node', { path: `${root}/eph`, mode: 'ephemeral' });
    expectError(await api('POST', '/api/v1/connections/default/node', { path: `${eph.body.path}/child` }), 409, 'NO_CHILDREN_FOR_EPHEMERALS');
    const big = Buffer.alloc(1024 * 1024 + 10).toString('base64');
    expectError(await api('POST', '/api/v1/connections/default/node', { path: `${root}/big`, data: { base64: big } }), 413, 'DATA_TOO_LARGE');
    expectError(await api('POST', '/api/v1/connections/ro/node', { path: `${root}/ro` }), 403, 'READ_ONLY');
    expectError(await api('PUT', '/api/v1/connections/ro/node', { path: root, data: text('x'), version: 0 }), 403, 'READ_ONLY');
    expectError(await api('DELETE', `/api/v1/connections/ro/node?path=${enc(root)}&version=0`), 403, 'READ_ONLY');
    expect((await api('GET', `/api/v1/connections/ro/node?path=${enc(root)}`)).status).toBe(200);
    expectError(await api('POST', '/api/v1/connections/nottl/node', { path: '/ttl-here', mode: 'ttl', ttlMs: 1000 }), 422, 'UNSUPPORTED');
    expectError(await api('GET', '/api/v1/connections/down/node?path=%2F'), 503, 'CONNECTION_UNAVAILABLE');
  });

  it('answers NO_AUTH for a digest-protected node and leaves the session usable', async () => {
    const digest = createHash('sha1').update('bob:pw').digest('base64');
    const res = await api('POST', '/api/v1/connections/default/node', {
      path: `${root}/locked`,
      data: text('hidden'),
      acl: [{ scheme: 'digest', id: `bob:${digest}`, perms: 'cdrwa' }],
    });
    expect(res.status).toBe(201);
    expectError(await api('GET', node(`${root}/locked`)), 403, 'NO_AUTH');
    expect((await api('GET', node(root))).status).toBe(200);
  });
});
