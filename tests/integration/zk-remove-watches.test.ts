/**
 * The binding's removeWatches (added by patches/zookeeper+7.3.0.patch) through lib/zk: the
 * server's own watch count goes back to its baseline. A server of its own, so that no other test
 * file's watches count: `mntr`'s zk_watch_count counts data and child watches (`wchs` and `wchc`
 * count data watches only in 3.8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNode } from '@/lib/zk/create-node';
import { startStandalone, watchCount, type StandaloneServer } from '@/scripts/lib/zk-server';
import { removeWatches } from '@/lib/zk/remove-watches';
import { setData } from '@/lib/zk/nodes';
import { ZkSession } from '@/lib/zk/session';
import { uniqueRoot } from '../helpers/zk';

let server: StandaloneServer;
let session: ZkSession;
let root: string;

const serverWatches = () => watchCount(server.clientPort);

beforeAll(async () => {
  server = await startStandalone();
  session = new ZkSession({ id: 'rmw-test', name: 'rmw-test', connectString: server.connectString, sessionTimeoutMs: 10_000, readOnly: false });
  root = uniqueRoot('remove-watches');
  await createNode(session, { path: root, data: Buffer.alloc(0), mode: 'persistent' });
  for (const n of ['a', 'b', 'c']) await createNode(session, { path: `${root}/${n}`, data: Buffer.from(n), mode: 'persistent' });
});

afterAll(async () => {
  session?.close();
  await server?.stop();
});

describe('removeWatches (zoo_aremove_all_watches / zoo_aremove_watches)', () => {
  it('removes data, children and any watches from the server, back to the baseline', async () => {
    const baseline = await serverWatches();
    const fired: string[] = [];
    const watch = (p: string) => () => fired.push(p);
    await session.run(async (h) => {
      await h.get(`${root}/a`, watch('a data'));
      await h.children(`${root}/a`, watch('a children'));
      await h.get(`${root}/b`, watch('b data'));
      await h.exists(`${root}/absent`, watch('absent exists'));
      await h.children(`${root}/c`, watch('c children'));
    });
    expect(await serverWatches()).toBe(baseline + 5);

    expect(await removeWatches(session, `${root}/a`, 'data')).toBe(true);
    // The children watch on /a is still there.
    expect(await serverWatches()).toBe(baseline + 4);
    expect(await removeWatches(session, `${root}/a`, 'children')).toBe(true);
    expect(await removeWatches(session, `${root}/absent`, 'data')).toBe(true);
    expect(await removeWatches(session, `${root}/b`, 'any')).toBe(true);
    expect(await removeWatches(session, `${root}/c`, 'any')).toBe(true);
    expect(await serverWatches()).toBe(baseline);

    // Nothing fires for removed watches, and removing again finds none.
    await setData(session, `${root}/a`, Buffer.from('changed'), -1);
    await createNode(session, { path: `${root}/a/kid`, data: Buffer.alloc(0), mode: 'persistent' });
    await createNode(session, { path: `${root}/absent`, data: Buffer.alloc(0), mode: 'persistent' });
    await setData(session, `${root}/b`, Buffer.from('changed'), -1);
    await session.run((h) => h.sync(root));
    expect(fired).toEqual([]);
    expect(await removeWatches(session, `${root}/b`, 'any')).toBe(false);
  });

  it('removes a watch locally only: the client forgets it, the server keeps it until it fires', async () => {
    const baseline = await serverWatches();
    const fired: string[] = [];
    await session.run((h) => h.get(`${root}/c`, () => fired.push('c data')));
    expect(await serverWatches()).toBe(baseline + 1);
    expect(await removeWatches(session, `${root}/c`, 'data', { local: true })).toBe(true);
    expect(await serverWatches()).toBe(baseline + 1);
    await setData(session, `${root}/c`, Buffer.from('changed'), -1);
    await session.run((h) => h.sync(root));
    // The server fired (and so dropped) it; the client had nothing left to call.
    expect(fired).toEqual([]);
    expect(await serverWatches()).toBe(baseline);
  });

  it('refuses a bad path before calling the server', async () => {
    await expect(removeWatches(session, 'relative', 'any')).rejects.toMatchObject({ code: 'INVALID_PATH' });
  });
});
