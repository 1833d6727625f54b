/**
 * Rows on screen are live (issue 16): a children watch per row tells its child count as it
 * changes, and a window of rows sliding over a long list holds no more server watches than a
 * screenful. A ZooKeeper server of its own, so that its watch count is this file's alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multi } from '@/lib/zk/multi';
import { closeAllSessions } from '@/lib/zk/registry';
import type { ZkSession } from '@/lib/zk/session';
import { startStandalone, watchCount, type StandaloneServer } from '@/scripts/lib/zk-server';
import { openStream, subscribe, type OpenStream } from './support/event-stream';
import { otherClient, sleep, waitFor } from './support/live';

const CHILDREN = 2000;
const WINDOW = 60;
const saved = { ...process.env };
let server: StandaloneServer;
let other: ZkSession;
let stream: OpenStream;
let streamId: string;

const rows = (from: number) => Array.from({ length: WINDOW }, (_, i) => ({ path: `/rows/long/n${String(from + i).padStart(5, '0')}`, kind: 'children' }));

beforeAll(async () => {
  server = await startStandalone();
  delete process.env.ZOOSCOPE_CONFIG;
  process.env.ZK_CONNECT = server.connectString;
  process.env.ZOOSCOPE_LIVE_DORMANT_MS = '200';
  other = otherClient(server.connectString);
  await multi(other, [
    { op: 'create', path: '/rows' },
    { op: 'create', path: '/rows/leaf' },
    { op: 'create', path: '/rows/long' },
    ...Array.from({ length: CHILDREN }, (_, i) => ({ op: 'create' as const, path: `/rows/long/n${String(i).padStart(5, '0')}` })),
  ]);
  stream = await openStream();
  streamId = (await stream.hello()).stream;
});

afterAll(async () => {
  await stream?.cancel();
  other?.close();
  closeAllSessions();
  await server?.stop();
  process.env = saved;
});

describe('a row watch', () => {
  it('follows a collapsed row gaining its first child, losing it, and being deleted', async () => {
    const res = await subscribe(streamId, [{ path: '/rows/leaf', kind: 'children' }]);
    expect(res.body.added[0].stat.numChildren).toBe(0);
    const counts = () => stream.events('children').filter((e) => e.path === '/rows/leaf').map((e) => e.stat?.numChildren ?? null);
    await other.run((h) => h.create('/rows/leaf/first', Buffer.alloc(0), 0));
    await waitFor('the first child', () => counts().at(-1) === 1);
    expect(stream.events('children').at(-1)).toMatchObject({ added: ['first'], removed: [] });
    await other.run((h) => h.delete('/rows/leaf/first', -1));
    await waitFor('no children again', () => counts().at(-1) === 0);
    await other.run((h) => h.delete('/rows/leaf', -1));
    await waitFor('the row gone', () => stream.events('children').some((e) => e.path === '/rows/leaf' && !e.exists));
  });
});

describe('a window of rows sliding over a long list', () => {
  it('holds the server watches of one window, however far it scrolls', async () => {
    const before = await watchCount(server.clientPort);
    let from = 0;
    expect((await subscribe(streamId, rows(from))).body.failed).toEqual([]);
    let peak = 0;
    // Thirty screens down, a screen at a time (what the tree does once each scroll settles).
    for (let step = 0; step < 30; step++) {
      const next = from + WINDOW;
      const res = await subscribe(streamId, rows(next), rows(from));
      expect(res.body.failed).toEqual([]);
      from = next;
      peak = Math.max(peak, await watchCount(server.clientPort));
    }
    // Released watches stay dormant briefly (a quick scroll back reuses them), then leave the server.
    await sleep(400);
    const settled = await waitFor('the dormant watches released', async () => {
      const n = await watchCount(server.clientPort);
      return n - before <= WINDOW ? n : undefined;
    });
    expect(settled - before).toBe(WINDOW);
    // Never more than the window plus the dormant ones of the last few hundred milliseconds.
    expect(peak - before).toBeLessThan(WINDOW * 30);
  });
});
