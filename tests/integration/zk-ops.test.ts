import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZkSession } from '@/lib/zk/session';
import { listChildren } from '@/lib/zk/children';
import { createNode } from '@/lib/zk/create-node';
import { mapLimit } from '@/lib/zk/map-limit';
import { getAcl, setAcl } from '@/lib/zk/node-acl';
import { deleteNode, getNode, setData, statNode } from '@/lib/zk/nodes';
import { countSubtree } from '@/lib/zk/subtree';
import { CREATE_MODES } from '@/lib/shared/types';
import { expectCode } from '../helpers/expect-code';
import { testConnectString, uniqueRoot } from '../helpers/zk';

let session: ZkSession;
let root: string;

const config = (connectString: string) => ({ id: 'ops-test', name: 'ops-test', connectString, sessionTimeoutMs: 10_000, readOnly: false });

beforeAll(async () => {
  session = new ZkSession(config(testConnectString()));
  root = uniqueRoot('ops');
  await createNode(session, { path: root, data: Buffer.alloc(0), mode: 'persistent', parents: true });
});

afterAll(() => session.close());

describe('lib/zk operations against a real ZooKeeper', () => {
  it('round-trips every byte value exactly', async () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const random = randomBytes(64 * 1024);
    for (const [name, bytes] of [['all-bytes', all], ['random', random], ['empty', Buffer.alloc(0)]] as const) {
      const { path } = await createNode(session, { path: `${root}/${name}`, data: bytes, mode: 'persistent' });
      const node = await getNode(session, path);
      expect(Buffer.from(node.data.base64, 'base64').equals(bytes)).toBe(true);
      expect(node.data.size).toBe(bytes.length);
    }
    const binary = await getNode(session, `${root}/all-bytes`);
    expect(binary.data.format).toBe('binary');
    expect(binary.data.text).toBeNull();
    expect((await getNode(session, `${root}/empty`)).data.format).toBe('empty');
  });

  it('creates a node in every mode', async () => {
    await createNode(session, { path: `${root}/modes`, data: Buffer.alloc(0), mode: 'persistent' });
    const results = new Map<string, { path: string; stat: { ephemeralOwner: string } }>();
    for (const mode of CREATE_MODES) {
      const ttlMs = mode.startsWith('ttl') ? 60_000 : undefined;
      const sequential = mode.endsWith('sequential');
      const path = `${root}/modes/${mode}${sequential ? '-' : ''}`;
      results.set(mode, await createNode(session, { path, data: Buffer.from(mode), mode, ttlMs }));
    }
    for (const mode of CREATE_MODES) {
      const r = results.get(mode)!;
      if (mode.endsWith('sequential')) expect(r.path).toMatch(/-\d{10}$/);
      else expect(r.path).toBe(`${root}/modes/${mode}`);
      expect((await getNode(session, r.path)).data.text).toBe(mode);
      const ephemeral = mode.startsWith('ephemeral');
      expect(r.stat.ephemeralOwner !== '0').toBe(ephemeral);
    }
    // Ephemeral nodes cannot have children.
    await expectCode(
      createNode(session, { path: `${results.get('ephemeral')!.path}/child`, data: Buffer.alloc(0), mode: 'persistent' }),
      'NO_CHILDREN_FOR_EPHEMERALS',
    );
  });

  it('creates missing parents only when asked', async () => {
    const e = await expectCode(createNode(session, { path: `${root}/p/q/r`, data: Buffer.alloc(0), mode: 'persistent' }), 'NO_NODE');
    expect(e.message).toContain(`${root}/p/q`);
    const r = await createNode(session, { path: `${root}/p/q/r`, data: Buffer.alloc(0), mode: 'persistent', parents: true });
    expect(r.path).toBe(`${root}/p/q/r`);
    await expectCode(createNode(session, { path: `${root}/p/q/r`, data: Buffer.alloc(0), mode: 'persistent' }), 'NODE_EXISTS');
  });

  it('sets data only at the version the caller saw, and reports the current value on conflict', async () => {
    const { path, stat } = await createNode(session, { path: `${root}/cond`, data: Buffer.from('v0'), mode: 'persistent' });
    const s1 = await setData(session, path, Buffer.from('v1'), stat.version);
    expect(s1.version).toBe(stat.version + 1);
    const e = await expectCode(setData(session, path, Buffer.from('stale'), stat.version), 'BAD_VERSION');
    const current = e.details?.current as { stat: { version: number }; data: { text: string } };
    expect(current.stat.version).toBe(s1.version);
    expect(current.data.text).toBe('v1');
    expect((await getNode(session, path)).data.text).toBe('v1');
    await expectCode(deleteNode(session, path, { version: stat.version }), 'BAD_VERSION');
    await deleteNode(session, path, { version: s1.version });
    expect(await statNode(session, path)).toBeNull();
  });

  it('refuses to delete a node with children unless recursive, and deletes a 1,211-node subtree level by level (past the one-transaction size)', async () => {
    const top = `${root}/tree`;
    await createNode(session, { path: top, data: Buffer.alloc(0), mode: 'persistent' });
    // top + 10 branches × (1 + 120 leaves) = 1,211 nodes.
    await mapLimit(Array.from({ length: 10 }, (_, i) => i), 10, async (b) => {
      await createNode(session, { path: `${top}/b${b}`, data: Buffer.alloc(0), mode: 'persistent' });
      await mapLimit(Array.from({ length: 120 }, (_, i) => i), 120, (l) =>
        createNode(session, { path: `${top}/b${b}/l${l}`, data: Buffer.from('x'), mode: 'persistent' }),
      );
    });
    expect(await countSubtree(session, top)).toEqual({ count: 1211, truncated: false });
    expect(await countSubtree(session, top, 500)).toEqual({ count: 500, truncated: true });
    await expectCode(deleteNode(session, top, { version: -1 }), 'NOT_EMPTY');
    const progress: number[] = [];
    const topStat = await statNode(session, top);
    await deleteNode(session, top, { version: topStat!.version, recursive: true, onProgress: (p) => progress.push(p.deleted) });
    expect(await statNode(session, top)).toBeNull();
    expect(progress.at(-1)).toBe(1211);
    expect(await statNode(session, root)).not.toBeNull();
    expect(progress.length).toBeGreaterThan(2);
  });

  it('pages a node with 20,000 children on the server', async () => {
    const big = `${root}/big`;
    await createNode(session, { path: big, data: Buffer.alloc(0), mode: 'persistent' });
    const names = Array.from({ length: 20_000 }, (_, i) => `n${String(i).padStart(5, '0')}`);
    await mapLimit(names, 300, (n) => createNode(session, { path: `${big}/${n}`, data: Buffer.alloc(0), mode: 'persistent' }));

    const first = await listChildren(session, big, {});
    expect(first.total).toBe(20_000);
    expect(first.children).toHaveLength(500);
    expect(first.children[0].name).toBe('n00000');
    expect(first.children[0].stat).toBeUndefined();

    const seen: string[] = [];
    for (let offset = 0; offset < 20_000; offset += 5000) {
      const page = await listChildren(session, big, { offset, limit: 5000 });
      expect(page.children.length).toBeLessThanOrEqual(5000);
      seen.push(...page.children.map((c) => c.name));
    }
    expect(seen).toEqual(names);

    const filtered = await listChildren(session, big, { prefix: 'n1999', stat: true, limit: 3 });
    expect(filtered.total).toBe(10);
    expect(filtered.children.map((c) => c.name)).toEqual(['n19990', 'n19991', 'n19992']);
    expect(filtered.children[0].stat?.numChildren).toBe(0);

    const past = await listChildren(session, big, { offset: 25_000 });
    expect(past.children).toEqual([]);
  }, 60_000);

  it('refuses bad paths before calling the server', async () => {
    for (const bad of ['', 'no-slash', '/trailing/', '/a//b', '/a/./b', '/a/../b', '/nul\u0000byte', '/ctl\u0001x']) {
      await expectCode(getNode(session, bad), 'INVALID_PATH');
    }
  });

  it('refuses values over the server limit before sending them, and the session survives', async () => {
    const e = await expectCode(
      createNode(session, { path: `${root}/huge`, data: Buffer.alloc(1024 * 1024 + 1), mode: 'persistent' }),
      'DATA_TOO_LARGE',
    );
    expect(e.message).toMatch(/bytes/);
    expect(session.currentState).toBe('connected');
    expect(await statNode(session, root)).not.toBeNull();
  });

  it('reads and conditionally sets ACLs', async () => {
    const { path } = await createNode(session, { path: `${root}/acl`, data: Buffer.alloc(0), mode: 'persistent' });
    const before = await getAcl(session, path);
    expect(before.acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }]);
    const stat = await setAcl(session, path, [{ scheme: 'world', id: 'anyone', perms: 'rwa' }], before.stat.aversion);
    expect(stat.aversion).toBe(before.stat.aversion + 1);
    expect((await getAcl(session, path)).acl).toEqual([{ scheme: 'world', id: 'anyone', perms: 'rwa' }]);
    await expectCode(setAcl(session, path, [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }], before.stat.aversion), 'BAD_VERSION');
    await expectCode(deleteNode(session, `${path}`, { version: -1 }).then(() => getNode(session, path)), 'NO_NODE');
  });

  it('answers a failed getACL with a typed error, and the process survives (patched binding)', async () => {
    // Unpatched, the binding freed the NULL ACL of a failed getACL and crashed with SIGSEGV.
    await expectCode(getAcl(session, `${root}/no-such-node`), 'NO_NODE');
    await expectCode(getAcl(session, `${root}/no-such-node/child`), 'NO_NODE');
    expect((await getAcl(session, root)).acl[0].scheme).toBe('world');
  });

  it('creates a node with a restrictive ACL that an anonymous session cannot read', async () => {
    const { path } = await createNode(session, {
      path: `${root}/private`,
      data: Buffer.from('secret'),
      mode: 'persistent',
      acl: [{ scheme: 'digest', id: `alice:${createHash('sha1').update('alice:secret').digest('base64')}`, perms: 'cdrwa' }],
    });
    await expectCode(getNode(session, path), 'NO_AUTH');
    const alice = new ZkSession(config(testConnectString()), [{ scheme: 'digest', credential: 'alice:secret' }]);
    try {
      expect((await getNode(alice, path)).data.text).toBe('secret');
      expect((await getAcl(alice, path)).acl[0].scheme).toBe('digest');
    } finally {
      alice.close();
    }
  });

  it('fails fast with CONNECTION_UNAVAILABLE when ZooKeeper cannot be reached', async () => {
    process.env.ZOOSCOPE_CONNECT_WAIT_MS = '500';
    const down = new ZkSession(config('127.0.0.1:1'));
    try {
      await expectCode(getNode(down, '/'), 'CONNECTION_UNAVAILABLE');
      expect(down.info().state).toBe('connecting');
    } finally {
      down.close();
      delete process.env.ZOOSCOPE_CONNECT_WAIT_MS;
    }
  });
});
