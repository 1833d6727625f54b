/**
 * Releasing watches at scale, and the caps on streams and subscriptions (issue 14, item 1).
 * A ZooKeeper server of its own, so that its watch count (`mntr`) is this file's alone.
 *
 * The scenario that stalled the server: 10 streams × 5,000 paths on one session, closed together;
 * when their grace period ends every watch is released at once. A probe read through the API
 * must keep answering within 200 ms meanwhile, and the server's watch count must come back to
 * what it was before the streams subscribed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/v1/connections/[id]/events/route';
import { createNode } from '@/lib/zk/create-node';
import { multi } from '@/lib/zk/multi';
import { closeAllSessions, getSession } from '@/lib/zk/registry';
import { getWatchHub } from '@/lib/zk/watch-hub';
import { allStreams } from '@/lib/services/live/stream';
import { ZkSession } from '@/lib/zk/session';
import { startStandalone, watchCount as serverWatchCount, type StandaloneServer } from '@/scripts/lib/zk-server';
import { api, enc } from './support/api';
import { openStream, subscribe, type OpenStream } from './support/event-stream';
import { sleep, waitFor } from './support/live';

const STREAMS = 10;
const PATHS = 5000;
const PROBE_LIMIT_MS = 200;
const saved = { ...process.env };
let server: StandaloneServer;
let seeder: ZkSession;
const root = '/release';

const watches = () => serverWatchCount(server.clientPort);
const hub = () => getWatchHub(getSession('default'));
/** Path j of stream i: a data watch on even j, a children watch on odd j (both types are removed). */
const item = (i: number, j: number) => ({ path: `${root}/s${i}/n${j}`, kind: j % 2 === 0 ? 'data' : 'children' });

async function openSubscribed(i: number): Promise<OpenStream> {
  const s = await openStream();
  const { stream } = await s.hello();
  for (let from = 0; from < PATHS; from += 1000) {
    const res = await subscribe(stream, Array.from({ length: 1000 }, (_, k) => item(i, from + k)));
    expect(res.status).toBe(200);
    expect(res.body.failed).toEqual([]);
  }
  return s;
}

beforeAll(async () => {
  server = await startStandalone();
  delete process.env.ZOOSCOPE_CONFIG;
  process.env.ZK_CONNECT = server.connectString;
  process.env.ZOOSCOPE_LIVE_GRACE_MS = '300';
  process.env.ZOOSCOPE_LIVE_DORMANT_MS = '300';
  seeder = new ZkSession({ id: 'seeder', name: 'seeder', connectString: server.connectString, sessionTimeoutMs: 10_000, readOnly: false });
  await createNode(seeder, { path: root, data: Buffer.alloc(0), mode: 'persistent' });
  for (let i = 0; i < STREAMS; i++) {
    await multi(seeder, [
      { op: 'create', path: `${root}/s${i}` },
      ...Array.from({ length: PATHS }, (_, j) => ({ op: 'create' as const, path: `${root}/s${i}/n${j}`, data: Buffer.from(String(j)) })),
    ]);
  }
}, 120_000);

afterAll(async () => {
  seeder?.close();
  closeAllSessions();
  await server?.stop();
  process.env = saved;
});

describe('releasing watches', () => {
  it(`10 streams × 5,000 paths closed together: reads keep answering (p99 under ${PROBE_LIMIT_MS} ms), and the server's watches go back to the baseline`, async () => {
    process.env.ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS = String(STREAMS * PATHS);
    const probe = async () => {
      const started = performance.now();
      const res = await api('GET', `/api/v1/connections/default/node?path=${enc(`${root}/s0/n1`)}`);
      expect(res.status).toBe(200);
      return performance.now() - started;
    };
    await probe(); // the session exists before the baseline is taken
    const baseline = await watches();

    const streams = await Promise.all(Array.from({ length: STREAMS }, (_, i) => openSubscribed(i)));
    expect(await watches()).toBe(baseline + STREAMS * PATHS);
    expect(hub().stats().watched).toBe(STREAMS * PATHS);

    // Probe every 10 ms from just before the streams close until every watch is gone (the old
    // hub walked every entry per released watch here: 50,000² steps, seconds without an answer).
    const latencies: number[] = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const l = await probe();
        latencies.push(l);
        await sleep(10);
      }
    })();
    await sleep(50);
    for (const s of streams) s.abort();
    await waitFor('every stream to end and its watches to be removed', async () => {
      const stats = hub().stats();
      return stats.subscribers === 0 && stats.dormant === 0 && stats.releasing === 0 && (await watches()) === baseline;
    }, 120_000);
    probing = false;
    await prober;

    expect(await watches()).toBe(baseline);
    expect(hub().stats().removed).toBeGreaterThanOrEqual(STREAMS * PATHS);
    // The release took a while, and was probed throughout.
    expect(latencies.length).toBeGreaterThan(10);
    const sorted = latencies.sort((a, b) => a - b);
    const p99 = sorted[Math.floor(sorted.length * 0.99)];
    console.log(`probe while releasing: ${sorted.length} reads, p50 ${sorted[sorted.length >> 1].toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
    // On a machine this loaded (other suites share its two cores) a lone read can wait for the
    // CPU as long; the release itself must not be what makes reads wait.
    expect(p99).toBeLessThan(PROBE_LIMIT_MS);
    expect(sorted.at(-1)!).toBeLessThan(1000);
  }, 180_000);
});

describe('caps on streams and subscriptions', () => {
  const opened: OpenStream[] = [];
  const open = async () => {
    const s = await openStream();
    opened.push(s);
    return s;
  };

  afterAll(() => opened.forEach((s) => s.abort()));

  /** Opening a stream that is refused: the error envelope, read through the route itself. */
  const refusedOpen = async () => {
    const response = await eventsRoute.GET(new Request('http://127.0.0.1:3000/api/v1/connections/default/events'), { params: Promise.resolve({ id: 'default' }) });
    return { status: response.status, body: await response.json() };
  };

  it('refuses a stream past the sign-in session cap with 429 WATCH_LIMIT, unless an idle one can make room', async () => {
    process.env.ZOOSCOPE_LIVE_SESSION_STREAMS = '2';
    try {
      const [a, b] = [await open(), await open()];
      expect([a.response.status, b.response.status]).toEqual([200, 200]);
      await a.hello();
      const refused = await refusedOpen();
      expect(refused.status).toBe(429);
      const body = refused.body;
      expect(body.error).toMatchObject({ code: 'WATCH_LIMIT', limit: 'session-streams', max: 2 });
      expect(body.error.message).toMatch(/already has 2 event streams open.*close other tabs/);

      // A stream whose tab is gone (in its grace period) gives way to a new one.
      a.abort();
      await waitFor('the stream to be without a connection', () => allStreams().some((s) => s.detachedAt !== null));
      const replacing = await open();
      expect(replacing.response.status).toBe(200);
      await replacing.hello();
    } finally {
      delete process.env.ZOOSCOPE_LIVE_SESSION_STREAMS;
      opened.splice(0).forEach((s) => s.abort());
    }
  });

  it('refuses a stream past the server cap', async () => {
    // The previous test's streams are in their grace period: they would give way.
    await waitFor('no stream left', () => allStreams().length === 0);
    process.env.ZOOSCOPE_LIVE_MAX_STREAMS = '1';
    try {
      await (await open()).hello();
      const refused = await refusedOpen();
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'WATCH_LIMIT', limit: 'streams', max: 1 });
    } finally {
      delete process.env.ZOOSCOPE_LIVE_MAX_STREAMS;
      opened.splice(0).forEach((s) => s.abort());
    }
  });

  it('refuses subscriptions past the sign-in session and server caps, all of a request or none', async () => {
    process.env.ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS = '10';
    try {
      const a = await (await open()).hello();
      const b = await (await open()).hello();
      expect((await subscribe(a.stream, Array.from({ length: 6 }, (_, j) => item(0, j)))).status).toBe(200);
      const refused = await subscribe(b.stream, Array.from({ length: 5 }, (_, j) => item(1, j)));
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'WATCH_LIMIT', limit: 'session-subscriptions', max: 10 });
      expect(refused.body.error.message).toMatch(/watches 6 nodes and asked for 5 more; at most 10/);
      // Nothing of the refused request was subscribed: 4 more fit.
      const fits = await subscribe(b.stream, Array.from({ length: 4 }, (_, j) => item(1, j)));
      expect(fits.status).toBe(200);
      expect(fits.body.subscriptions).toBe(4);
      // Removing makes room again; re-adding what a stream has costs nothing.
      expect((await subscribe(a.stream, [item(0, 6)], [item(0, 0)])).status).toBe(200);
      expect((await subscribe(a.stream, [item(0, 1)])).status).toBe(200);

      process.env.ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS = '100';
      process.env.ZOOSCOPE_LIVE_MAX_SUBSCRIPTIONS = '12';
      const server = await subscribe(b.stream, Array.from({ length: 3 }, (_, j) => item(2, j)));
      expect(server.status).toBe(429);
      expect(server.body.error).toMatchObject({ code: 'WATCH_LIMIT', limit: 'subscriptions', max: 12 });
    } finally {
      delete process.env.ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS;
      delete process.env.ZOOSCOPE_LIVE_MAX_SUBSCRIPTIONS;
      opened.splice(0).forEach((s) => s.abort());
    }
  });
});
