import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZkSession } from '@/lib/zk/session';
import { listChildren } from '@/lib/zk/children';
import { createNode } from '@/lib/zk/create-node';
import { multi } from '@/lib/zk/multi';
import { deleteNode } from '@/lib/zk/nodes';
import { closeAllSessions } from '@/lib/zk/registry';
import { api, enc } from './support/api';
import { testConnectString, uniqueRoot } from '../helpers/zk';

const CHILDREN = 100_000;
const nameOf = (i: number) => `n-${String(i).padStart(6, '0')}`;
let session: ZkSession;
let big: string;
const saved = { ...process.env };

beforeAll(async () => {
  process.env.ZK_CONNECT = testConnectString();
  session = new ZkSession({ id: 'contains-test', name: 'contains-test', connectString: testConnectString(), sessionTimeoutMs: 10_000, readOnly: false });
  big = `${uniqueRoot('contains')}/big`;
  await createNode(session, { path: big, data: Buffer.alloc(0), mode: 'persistent', parents: true });
  for (let i = 0; i < CHILDREN; i += 5000) {
    await multi(session, Array.from({ length: 5000 }, (_, j) => ({ op: 'create' as const, path: `${big}/${nameOf(i + j)}` })));
  }
}, 180_000);

afterAll(async () => {
  for (let i = 0; i < CHILDREN; i += 5000) {
    await multi(session, Array.from({ length: 5000 }, (_, j) => ({ op: 'delete' as const, path: `${big}/${nameOf(i + j)}`, version: -1 })));
  }
  await deleteNode(session, big, { version: -1 });
  session.close();
  closeAllSessions();
  process.env = saved;
}, 180_000);

describe('children filtered by a substring under 100,000 children', () => {
  it('finds names containing the text anywhere, sorted and paged, and combines it with a prefix', async () => {
    await listChildren(session, big, { fresh: true }); // the sorted list is now cached, as when typing
    const started = performance.now();
    const page = await listChildren(session, big, { contains: '4321', limit: 5 });
    const ms = performance.now() - started;
    const expected = Array.from({ length: CHILDREN }, (_, i) => nameOf(i)).filter((n) => n.includes('4321'));
    expect(page.total).toBe(expected.length);
    expect(page.children.map((c) => c.name)).toEqual(expected.slice(0, 5));
    const later = await listChildren(session, big, { contains: '4321', offset: 10, limit: 5 });
    expect(later.children.map((c) => c.name)).toEqual(expected.slice(10, 15));
    // A linear scan of 100,000 cached names: a few ms; bounded loosely for a loaded machine.
    console.info(`contains over ${CHILDREN} cached names: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(250);

    const both = await listChildren(session, big, { prefix: 'n-09', contains: '4321' });
    expect(both.children.map((c) => c.name)).toEqual(expected.filter((n) => n.startsWith('n-09')));
    expect((await listChildren(session, big, { contains: 'zz' })).total).toBe(0);
  }, 60_000);

  it('takes contains= on the children route', async () => {
    const res = await api('GET', `/api/v1/connections/default/children?path=${enc(big)}&contains=99999&stat=true`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, children: [{ name: 'n-099999' }] });
    expect(res.body.children[0].stat.numChildren).toBe(0);
  }, 30_000);
});
