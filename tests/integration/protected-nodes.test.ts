/**
 * Changes that would break more than the node they touch (issue 14, item 9): data and ACLs of
 * `/` and of ZooKeeper's own /zookeeper subtree, creates there, and an ACL that takes away the
 * operator's own admin permission. Each is refused, or saved only with the node's path typed,
 * and ZooKeeper is unchanged when refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestId } from '@/lib/shared/digest';
import { closeAllSessions } from '@/lib/zk/registry';
import { uniqueRoot } from '../helpers/zk';
import { Browser, enc } from './support/browser';
import { useLocalMode } from './support/local-mode';

const saved = { ...process.env };
let root: string;
const admin = new Browser();
const NODE = '/api/v1/connections/default/node';
const node = (path: string) => `${NODE}?path=${enc(path)}`;
const acl = (path: string, extra = '') => `/api/v1/connections/default/acl?path=${enc(path)}${extra}`;
const OPEN = [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }];

function expectError(res: { status: number; body: any }, status: number, code: string): string {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  return res.body.error.message as string;
}

beforeAll(async () => {
  useLocalMode('protected');
  root = uniqueRoot('protected');
  expect((await admin.call('POST', NODE, { path: root })).status).toBe(201);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('ZooKeeper’s own subtree and the root', () => {
  it('refuses data changes on / and in /zookeeper, leaving them as they were', async () => {
    const rootNode = (await admin.call('GET', node('/'))).body;
    expect(expectError(await admin.call('PUT', NODE, { path: '/', data: { text: 'x' }, version: rootNode.stat.version }), 403, 'FORBIDDEN')).toMatch(/root node/);
    const quota = (await admin.call('GET', node('/zookeeper/quota'))).body;
    expect(expectError(await admin.call('PUT', NODE, { path: '/zookeeper/quota', data: { text: 'x' }, version: quota.stat.version }), 403, 'FORBIDDEN')).toMatch(
      /belongs to ZooKeeper itself/,
    );
    expect((await admin.call('GET', node('/'))).body.stat.version).toBe(rootNode.stat.version);
    expect((await admin.call('GET', node('/zookeeper/quota'))).body.stat.version).toBe(quota.stat.version);
  });

  it('refuses creates under /zookeeper', async () => {
    const path = `/zookeeper/quota${root}`;
    expect(expectError(await admin.call('POST', NODE, { path }), 403, 'FORBIDDEN')).toMatch(/cannot be created under \/zookeeper/);
    expectError(await admin.call('GET', node(path)), 404, 'NO_NODE');
  });

  it('refuses ACL changes in /zookeeper', async () => {
    const before = (await admin.call('GET', acl('/zookeeper/quota'))).body;
    expect(expectError(await admin.call('PUT', acl('/zookeeper/quota'), { acl: OPEN, version: before.stat.aversion, confirm: '/zookeeper/quota' }), 403, 'FORBIDDEN')).toMatch(
      /belong to ZooKeeper itself/,
    );
    expect((await admin.call('GET', acl('/zookeeper/quota'))).body.stat.aversion).toBe(before.stat.aversion);
  });

  it('asks for the path typed before an ACL on /, and says what it decides', async () => {
    const before = (await admin.call('GET', acl('/'))).body;
    const asked = await admin.call('PUT', acl('/'), { acl: before.acl, version: before.stat.aversion });
    expect(expectError(asked, 428, 'CONFIRMATION_REQUIRED')).toMatch(/who may create and list top-level nodes.*Type the path \/ to confirm/);
    expect(asked.body.error).toMatchObject({ confirm: '/', consequence: [expect.stringMatching(/top-level/)] });
    const subtree = await admin.call('PUT', acl('/', '&recursive=true'), { acl: before.acl, version: before.stat.aversion });
    expect(expectError(subtree, 428, 'CONFIRMATION_REQUIRED')).toMatch(/every node of this ensemble/);
    expect((await admin.call('GET', acl('/'))).body.stat.aversion).toBe(before.stat.aversion);
    expectError(await admin.call('PUT', acl('/'), { acl: before.acl, version: before.stat.aversion, confirm: 'yes' }), 428, 'CONFIRMATION_REQUIRED');
    // Typed: saved (the same ACL, so the other test files sharing this server are unaffected).
    const done = await admin.call('PUT', acl('/'), { acl: before.acl, version: before.stat.aversion, confirm: '/' });
    expect(done.status).toBe(200);
    expect(done.body.stat.aversion).toBe(before.stat.aversion + 1);
  });
});

describe('an ACL that takes away our own admin permission', () => {
  it('needs the path typed, then applies it', async () => {
    const path = `${root}/give-away`;
    await admin.call('POST', NODE, { path });
    const readOnly = [{ scheme: 'world', id: 'anyone', perms: 'r' }];
    const asked = await admin.call('PUT', acl(path), { acl: readOnly, version: 0 });
    expect(expectError(asked, 428, 'CONFIRMATION_REQUIRED')).toMatch(/No entry gives admin \(a\).*cannot change the ACL of/);
    expect((await admin.call('GET', acl(path))).body.acl).toEqual(OPEN);
    expect((await admin.call('PUT', acl(path), { acl: readOnly, version: 0, confirm: path })).status).toBe(200);
    expect((await admin.call('GET', acl(path))).body.acl).toEqual(readOnly);
  });

  it('counts the digest identities this session holds, and only those', async () => {
    const path = `${root}/digest-admin`;
    await admin.call('POST', NODE, { path });
    const carol = [{ scheme: 'digest', id: digestId('carol', 'c-pass-1'), perms: 'cdrwa' }];
    const browser = new Browser();
    expectError(await browser.call('PUT', acl(path), { acl: carol, version: 0 }), 428, 'CONFIRMATION_REQUIRED');
    // With the wrong password the digest differs: still a lock-out.
    await browser.call('POST', '/api/v1/connections/default/auth', { scheme: 'digest', credential: 'carol:not-it' });
    expectError(await browser.call('PUT', acl(path), { acl: carol, version: 0 }), 428, 'CONFIRMATION_REQUIRED');
    await browser.call('POST', '/api/v1/connections/default/auth', { scheme: 'digest', credential: 'carol:c-pass-1' });
    expect((await browser.call('PUT', acl(path), { acl: carol, version: 0 })).status).toBe(200);
  });
});
