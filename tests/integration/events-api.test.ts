import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as eventsRoute from '@/app/api/v1/connections/[id]/events/route';
import { allStreams } from '@/lib/services/live/stream';
import { closeAllSessions, getSession } from '@/lib/zk/registry';
import { getWatchHub } from '@/lib/zk/watch-hub';
import type { ZkSession } from '@/lib/zk/session';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { api } from './support/api';
import { openStream, subscribe } from './support/event-stream';
import { otherClient, sleep, waitFor } from './support/live';

const saved = { ...process.env };
let root: string;
let other: ZkSession;

const set = (path: string, value: string) => other.run((h) => h.set(path, Buffer.from(value), -1));
const create = (path: string, value = '') => other.run((h) => h.create(path, Buffer.from(value), 0));

const textOf = (e: { data?: { text: string | null } }) => e.data?.text;

beforeAll(async () => {
  process.env.ZK_CONNECT = testConnectString();
  delete process.env.ZOOSCOPE_CONFIG;
  process.env.ZOOSCOPE_LIVE_GRACE_MS = '3000';
  other = otherClient(testConnectString());
  root = uniqueRoot('events-api');
  await create(root);
});

afterAll(() => {
  other?.close();
  closeAllSessions();
  process.env = saved;
});

describe('GET /events', () => {
  it('is an unbuffered, uncompressed event stream that starts with retry and hello', async () => {
    const s = await openStream();
    expect(s.response.status).toBe(200);
    expect(s.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(s.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(s.response.headers.get('x-accel-buffering')).toBe('no');
    expect(s.response.headers.get('content-encoding')).toBeNull();
    const hello = await s.hello();
    expect(s.raw()).toMatch(/^retry: \d+\n\n/);
    expect(hello).toMatchObject({ resumed: false, state: 'connected', heartbeatMs: 10_000 });
    expect(hello.stream).toMatch(/^[0-9a-f]{24}$/);
    expect(s.messages[0].id).toBe(`${hello.stream}-0`);
    s.abort();
  });

  it('answers an unknown connection with the JSON error envelope', async () => {
    const response = await eventsRoute.GET(new Request('http://127.0.0.1:3000/api/v1/connections/nope/events'), {
      params: Promise.resolve({ id: 'nope' }),
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('UNKNOWN_CONNECTION');
  });

  it('changes subscriptions on the open stream and delivers changes with event ids', async () => {
    const a = `${root}/sub-a`;
    const b = `${root}/sub-b`;
    await create(a, 'a0');
    await create(b, 'b0');
    const s = await openStream();
    const { stream } = await s.hello();
    const res = await subscribe(stream, [
      { path: a, kind: 'data' },
      { path: b, kind: 'data' },
      { path: root, kind: 'children' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stream, subscriptions: 3, failed: [] });
    expect(res.body.added).toHaveLength(3);
    expect(res.body.added.find((x: { path: string }) => x.path === a)).toMatchObject({ kind: 'data', exists: true, stat: { version: 0 } });

    await set(a, 'a1');
    const changed = await waitFor('a1', () => s.events('changed').find((e) => textOf(e) === 'a1'));
    expect(changed.path).toBe(a);
    expect(changed.id).toMatch(new RegExp(`^${stream}-\\d+$`));
    await create(`${root}/sub-c`);
    const children = await waitFor('children', () => s.events('children').find((e) => e.added.includes('sub-c')));
    expect(children.path).toBe(root);

    // Removing a subscription stops its events; the others continue on the same stream.
    const removed = await subscribe(stream, [], [{ path: a, kind: 'data' }]);
    expect(removed.body.subscriptions).toBe(2);
    await set(a, 'a2');
    await set(b, 'b1');
    await waitFor('b1', () => s.events('changed').find((e) => textOf(e) === 'b1'));
    await sleep(100);
    expect(s.events('changed').find((e) => textOf(e) === 'a2')).toBeUndefined();
    s.abort();
  });

  it('validates subscription changes and names unknown streams', async () => {
    const s = await openStream();
    const { stream } = await s.hello();
    const badKind = await subscribe(stream, [{ path: root, kind: 'everything' }]);
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.code).toBe('INVALID_REQUEST');
    expect(badKind.body.error.message).toMatch(/kind must be one of data, children/);
    const badPath = await subscribe(stream, [{ path: 'relative/path', kind: 'data' }, { path: root, kind: 'data' }]);
    expect(badPath.status).toBe(200);
    expect(badPath.body.failed).toEqual([{ path: 'relative/path', kind: 'data', code: 'INVALID_PATH', message: 'Path must start with /' }]);
    expect(badPath.body.added).toHaveLength(1);
    const unknown = await subscribe('0123456789abcdef01234567', [{ path: root, kind: 'data' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_REQUEST', stream: 'unknown' });
    const notJson = await api('POST', '/api/v1/connections/default/events/subscriptions', 'stream=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(400);
    s.abort();
  });

  it('sends a heartbeat comment at the configured interval', async () => {
    process.env.ZOOSCOPE_SSE_HEARTBEAT_MS = '150';
    try {
      const s = await openStream();
      expect((await s.hello()).heartbeatMs).toBe(150);
      await waitFor('three heartbeats', () => s.comments.filter((c) => c.startsWith('heartbeat')).length >= 3, 3000);
      expect(s.raw()).toMatch(/\n: heartbeat \d+\n\n/);
      s.abort();
    } finally {
      delete process.env.ZOOSCOPE_SSE_HEARTBEAT_MS;
    }
  });

  it('resumes with Last-Event-ID: replays what was sent after it and what happened meanwhile', async () => {
    const path = `${root}/replay`;
    await create(path, 'r0');
    const first = await openStream();
    const { stream } = await first.hello();
    await subscribe(stream, [{ path, kind: 'data' }]);
    for (const v of ['r1', 'r2', 'r3']) {
      await set(path, v);
      await waitFor(v, () => first.events('changed').find((e) => textOf(e) === v));
    }
    const [e1, e2, e3] = first.events('changed');
    first.abort();
    await set(path, 'r4'); // while no connection is open

    // The browser got only e1 before the connection dropped.
    const second = await openStream({ lastEventId: e1.id! });
    const hello = await second.hello();
    expect(hello).toMatchObject({ stream, resumed: true });
    await waitFor('r4', () => second.events('changed').find((e) => textOf(e) === 'r4'));
    const replayed = second.events('changed');
    expect(replayed.map(textOf)).toEqual(['r2', 'r3', 'r4']);
    expect(replayed.slice(0, 2).map((e) => e.id)).toEqual([e2.id, e3.id]);
    // Subscriptions survived: later changes keep coming on the resumed stream.
    await set(path, 'r5');
    await waitFor('r5', () => second.events('changed').find((e) => textOf(e) === 'r5'));
    second.abort();
  });

  it('asks for a resync when the missed events are no longer buffered, or the stream is unknown', async () => {
    const paths = Array.from({ length: 30 }, (_, i) => `${root}/gap-${i}`);
    await Promise.all(paths.map((p) => create(p, '0')));
    const first = await openStream();
    const { stream } = await first.hello();
    await subscribe(stream, paths.map((path) => ({ path, kind: 'data' })));
    // 300 events: more than the replay buffer keeps.
    for (let round = 1; round <= 10; round++) {
      await Promise.all(paths.map((p) => set(p, String(round))));
      await waitFor(`round ${round}`, () => first.events('changed').length >= round * paths.length);
    }
    first.abort();
    const gap = await openStream({ lastEventId: `${stream}-1` });
    expect((await gap.hello()).resumed).toBe(true);
    const resync = await waitFor('resync', () => gap.events('resync')[0]);
    expect(resync.reason).toBe('gap');
    gap.abort();

    const unknown = await openStream({ lastEventId: 'fedcba9876543210fedcba98-42' });
    const hello = await unknown.hello();
    expect(hello.resumed).toBe(false);
    expect(hello.stream).not.toBe('fedcba9876543210fedcba98');
    expect((await waitFor('resync', () => unknown.events('resync')[0])).reason).toBe('unknown-stream');
    unknown.abort();
  });

  it('tells a reader that falls behind to resync instead of queueing without bound', async () => {
    process.env.ZOOSCOPE_LIVE_QUEUE_EVENTS = '10';
    try {
      const paths = Array.from({ length: 20 }, (_, i) => `${root}/slow-${i}`);
      await Promise.all(paths.map((p) => create(p, '0')));
      const s = await openStream();
      const { stream } = await s.hello();
      await subscribe(stream, paths.map((path) => ({ path, kind: 'data' })));
      s.pause();
      // The response's own queue fills first, then the stream's; 20 nodes changing is more than 10.
      for (let round = 1; round <= 80; round++) await Promise.all(paths.map((p) => set(p, String(round))));
      s.resume();
      const resync = await waitFor('resync', () => s.events('resync')[0]);
      expect(resync.reason).toBe('overflow');
      // Re-reads still due for the 20 hot paths can overflow the 10-event queue once more (another
      // resync, rightly); on a busy machine they land late, so let the stream settle first.
      await waitFor('a quiet stream', async () => {
        const seen = s.messages.length;
        await sleep(500);
        return s.messages.length === seen;
      }, 15_000);
      // What was queued was dropped for the resync; the stream goes on with new changes.
      await set(paths[0], 'after');
      await waitFor('after', () => s.events('changed').find((e) => textOf(e) === 'after'));
      const after = s.messages.findIndex((m) => m.event === 'changed' && JSON.parse(m.data).data?.text === 'after');
      expect(s.messages.findLastIndex((m) => m.event === 'resync')).toBeLessThan(after);
      s.abort();
    } finally {
      delete process.env.ZOOSCOPE_LIVE_QUEUE_EVENTS;
    }
  });

  it('cleans up on abort and on cancel: subscriptions are released after the grace period', async () => {
    process.env.ZOOSCOPE_LIVE_GRACE_MS = '0';
    try {
      const hub = getWatchHub(getSession('default'));
      const path = `${root}/cleanup`;
      await create(path, 'x');
      // By id, not by count: streams of earlier tests may still be ending their own grace period.
      const alive = (id: string) => allStreams().some((s) => s.id === id);
      for (const end of ['abort', 'cancel'] as const) {
        const s = await openStream();
        const { stream } = await s.hello();
        await subscribe(stream, [{ path, kind: 'data' }]);
        expect(alive(stream)).toBe(true);
        expect(hub.subscriberCount(path, 'data')).toBe(1);
        if (end === 'abort') s.abort();
        else await s.cancel();
        await waitFor(`the stream to end on ${end}`, () => !alive(stream));
        expect(hub.subscriberCount(path, 'data')).toBe(0);
        const gone = await subscribe(stream, [{ path, kind: 'data' }]);
        expect(gone.body.error).toMatchObject({ code: 'INVALID_REQUEST', stream: 'unknown' });
      }
    } finally {
      process.env.ZOOSCOPE_LIVE_GRACE_MS = '3000';
    }
  });
});
