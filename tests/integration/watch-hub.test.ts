import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildrenEvent, LiveEvent } from '@/lib/shared/events';
import { ZkSession } from '@/lib/zk/session';
import { WatchHub } from '@/lib/zk/watch-hub';
import { freePorts } from '@/scripts/lib/ports';
import { startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { collector, otherClient, serverWatchersOf, serverWatchesOf, sleep, waitFor } from './support/live';

let root: string;
let session: ZkSession;
let other: ZkSession;
let hub: WatchHub;

const text = (e: LiveEvent | undefined) => (e && 'data' in e && e.data ? e.data.text : undefined);
const set = (path: string, value: string) => other.run((h) => h.set(path, Buffer.from(value), -1));
const create = (path: string, value = '') => other.run((h) => h.create(path, Buffer.from(value), 0));
const remove = (path: string) => other.run((h) => h.delete(path, -1));
const sessionId = () => session.info().sessionId!;

beforeAll(async () => {
  session = new ZkSession({ id: 'hub', name: 'hub', connectString: testConnectString(), sessionTimeoutMs: 10_000, readOnly: false });
  other = otherClient(testConnectString());
  await session.ready();
  hub = new WatchHub(session, { childrenDiffLimit: 20 });
  root = uniqueRoot('watch-hub');
  await create(root);
});

afterAll(() => {
  session?.close();
  other?.close();
});

describe('watch hub', () => {
  it('serves N subscribers of one path with one ZooKeeper watch, and fans changes out to all', async () => {
    const path = `${root}/shared`;
    await create(path, 'v0');
    const subscribers = Array.from({ length: 25 }, collector);
    const armsBefore = hub.stats().arms;
    const snapshots = await Promise.all(subscribers.map((s) => hub.subscribe(s, path, 'data')));
    expect(snapshots.every((s) => s.exists && s.stat?.version === 0)).toBe(true);
    // One read that set the watch, however many subscribed.
    expect(hub.stats().arms - armsBefore).toBe(1);
    expect((await serverWatchesOf(testConnectString(), sessionId())).filter((p) => p === path)).toEqual([path]);
    expect(await serverWatchersOf(testConnectString(), path)).toHaveLength(1);

    await set(path, 'v1');
    await waitFor('every subscriber to see v1', () => subscribers.every((s) => text(s.of('changed', path).at(-1)) === 'v1'));
    // One trigger, one re-arm, for all 25.
    expect(hub.stats().arms - armsBefore).toBe(2);
    expect(subscribers.every((s) => s.of('changed', path).length === 1)).toBe(true);
    expect(subscribers[0].of('changed', path)[0].stat.version).toBe(1);
    // Re-armed: still exactly one watch on the server.
    expect(await serverWatchersOf(testConnectString(), path)).toHaveLength(1);
    subscribers.forEach((s) => hub.unsubscribe(s, path, 'data'));
  });

  it('catches rapid successive changes: the final state always arrives, versions in order', async () => {
    const paths = [0, 1, 2].map((i) => `${root}/hot-${i}`);
    await Promise.all(paths.map((p) => create(p, 'start')));
    const sub = collector();
    await Promise.all(paths.map((p) => hub.subscribe(sub, p, 'data')));
    // Three writers, 150 changes each, as fast as the server takes them.
    await Promise.all(
      paths.map(async (p) => {
        for (let i = 1; i <= 150; i++) await set(p, `value-${i}`);
      }),
    );
    for (const p of paths) {
      await waitFor(`final value of ${p}`, () => text(sub.of('changed', p).at(-1)) === 'value-150');
      const versions = sub.of('changed', p).map((e) => e.stat.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(versions.at(-1)).toBe(150);
      hub.unsubscribe(sub, p, 'data');
    }
  });

  it('watches a node that does not exist yet: creation and deletion are events', async () => {
    const path = `${root}/later`;
    const sub = collector();
    const snapshot = await hub.subscribe(sub, path, 'data');
    expect(snapshot).toMatchObject({ exists: false, stat: null });
    // aw_exists set a watch for the creation.
    expect(await serverWatchesOf(testConnectString(), sessionId())).toContain(path);
    await create(path, '{"a":1}');
    const created = await waitFor('created', () => sub.of('created', path)[0]);
    expect(created.data).toMatchObject({ text: '{"a":1}', format: 'json' });
    await remove(path);
    await waitFor('deleted', () => sub.of('deleted', path)[0]);
    await create(path, 'again');
    await waitFor('created again', () => sub.of('created', path).length === 2);
    expect(sub.events.map((e) => e.type)).toEqual(['created', 'deleted', 'created']);
    hub.unsubscribe(sub, path, 'data');
  });

  it('reports child list changes as added and removed names', async () => {
    const parent = `${root}/parent`;
    await create(parent);
    await create(`${parent}/keep`);
    const sub = collector();
    const snapshot = await hub.subscribe(sub, parent, 'children');
    expect(snapshot.stat?.numChildren).toBe(1);
    const names = new Set(['keep']);
    await create(`${parent}/a`);
    await create(`${parent}/b`);
    await remove(`${parent}/keep`);
    await create(`${parent}/c`);
    await remove(`${parent}/a`);
    const actual = async () => (await other.run((h) => h.children(parent))).children.sort();
    const expected = await actual();
    await waitFor('the child list to settle', () => {
      const seen = new Set(names);
      for (const e of sub.of('children', parent)) {
        e.removed.forEach((n) => seen.delete(n));
        e.added.forEach((n) => seen.add(n));
      }
      return JSON.stringify([...seen].sort()) === JSON.stringify(expected);
    });
    const last = sub.of('children', parent).at(-1)!;
    expect(last).toMatchObject({ exists: true, truncated: false, total: 2 });
    hub.unsubscribe(sub, parent, 'children');
  });

  it('sends only a count and a refetch hint for child lists too large to diff', async () => {
    const parent = `${root}/big`;
    await create(parent);
    await Promise.all(Array.from({ length: 25 }, (_, i) => create(`${parent}/n${i}`)));
    const sub = collector();
    await hub.subscribe(sub, parent, 'children');
    await create(`${parent}/one-more`);
    const event = await waitFor('children event', () => sub.of('children', parent)[0]);
    expect(event).toMatchObject<Partial<ChildrenEvent>>({ truncated: true, total: 26, added: [], removed: [] });
    hub.unsubscribe(sub, parent, 'children');
  });

  it('releases a path nobody wants: the watch is not re-armed after it fires', async () => {
    const path = `${root}/released`;
    await create(path, 'x');
    const subs = [collector(), collector(), collector()];
    for (const s of subs) await hub.subscribe(s, path, 'data');
    for (const s of subs) hub.unsubscribe(s, path, 'data');
    // The watch stays set for a while (dormant), until it fires or its time is up.
    expect(await serverWatchesOf(testConnectString(), sessionId())).toContain(path);
    const arms = hub.stats().arms;
    // A quick re-subscribe reuses the dormant watch rather than setting another.
    const again = collector();
    await hub.subscribe(again, path, 'data');
    expect(hub.stats().arms).toBe(arms);
    hub.unsubscribe(again, path, 'data');

    await set(path, 'y');
    await waitFor('the watch to fire', async () => !(await serverWatchesOf(testConnectString(), sessionId())).includes(path));
    await sleep(200);
    expect(hub.stats().arms).toBe(arms);
    expect(await serverWatchesOf(testConnectString(), sessionId())).not.toContain(path);
    expect([...subs, again].every((s) => s.events.length === 0)).toBe(true);
  });

  it('removes a dormant watch from the server when its time is up, never one another entry still needs', async () => {
    // A session and hub of their own: removals take every watch of a type on a path.
    const own = new ZkSession({ id: 'hub-dormant', name: 'hub-dormant', connectString: testConnectString(), sessionTimeoutMs: 10_000, readOnly: false });
    try {
      await own.ready();
      const ownHub = new WatchHub(own, { dormantMs: 100 });
      const watchesOf = () => serverWatchesOf(testConnectString(), own.info().sessionId!);
      const present = `${root}/dormant`;
      await create(present, 'x');
      const sub = collector();
      await ownHub.subscribe(sub, present, 'data');
      ownHub.unsubscribe(sub, present, 'data');
      await waitFor('the dormant watch to be removed', () => ownHub.stats().removed === 1 && ownHub.stats().dormant === 0);
      expect(await watchesOf()).not.toContain(present);
      await set(present, 'y');
      await sleep(200);
      expect(sub.events).toEqual([]);

      // An absent node: its data and children entries both wait on one exists watch (type data).
      const absent = `${root}/dormant-absent`;
      const data = collector();
      const children = collector();
      await ownHub.subscribe(data, absent, 'data');
      await ownHub.subscribe(children, absent, 'children');
      ownHub.unsubscribe(data, absent, 'data');
      await waitFor('the data entry to expire', () => ownHub.stats().dormant === 0 && ownHub.stats().releasing === 0);
      expect(ownHub.stats().removed).toBe(1);
      expect(await watchesOf()).toContain(absent);
      await create(absent, 'born');
      await waitFor('the children entry to see its node created', () => children.of('children', absent).some((e) => e.exists));
      ownHub.unsubscribe(children, absent, 'children');
      await waitFor('the children watch to be removed', () => ownHub.stats().removed === 2);
    } finally {
      own.close();
    }
  });

  it('attributes a change made through the dashboard to its author', async () => {
    const path = `${root}/attributed`;
    await create(path, '1');
    const sub = collector();
    await hub.subscribe(sub, path, 'data');
    hub.attribute(path, 'alice');
    await set(path, '2');
    expect((await waitFor('changed', () => sub.of('changed', path)[0])).by).toBe('alice');
    await set(path, '3');
    await waitFor('second change', () => sub.of('changed', path).length === 2);
    expect(sub.of('changed', path)[1].by).toBeUndefined();
    hub.unsubscribe(sub, path, 'data');
  });

  it('rejects an invalid path with INVALID_PATH and sets no watch', async () => {
    await expect(hub.subscribe(collector(), 'no-slash', 'data')).rejects.toMatchObject({ code: 'INVALID_PATH' });
    await expect(hub.subscribe(collector(), '/a//b', 'children')).rejects.toMatchObject({ code: 'INVALID_PATH' });
  });
});

describe('watch hub across server restarts', () => {
  let server: StandaloneServer;
  let port: number;
  let dataDir: string;
  let s: ZkSession;
  let restartHub: WatchHub;

  beforeAll(async () => {
    [port] = await freePorts(1);
    dataDir = mkdtempSync(join(tmpdir(), 'zooscope-hub-restart-'));
    server = await startStandalone({ port, dataDir });
    s = new ZkSession({ id: 'restart', name: 'restart', connectString: server.connectString, sessionTimeoutMs: 4000, readOnly: false });
    const h = await s.ready();
    await h.create('/kept', Buffer.from('before'), 0);
    restartHub = new WatchHub(s);
  });

  afterAll(async () => {
    s?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('streams disconnected/reconnected, then expired/recovered with every watch re-established', async () => {
    const sub = collector();
    restartHub.attach(sub);
    await restartHub.subscribe(sub, '/kept', 'data');
    await restartHub.subscribe(sub, '/', 'children');
    const states = () => sub.of('session').map((e) => e.state);

    // Same data directory: the session survives the restart.
    await server.stop();
    await waitFor('disconnected', () => states().includes('disconnected'), 10_000);
    server = await startStandalone({ port, dataDir });
    const reconnected = await waitFor('reconnected', () => sub.of('session').find((e) => e.state === 'reconnected'), 20_000);
    expect(reconnected.server).toBe(server.connectString);

    // A fresh server knows nothing of the session: it expired, and /kept is gone. (It only
    // accepts a client that has seen no later zxid than its own: write until it has.)
    await server.stop();
    server = await startStandalone({ port });
    const writer = otherClient(server.connectString, 'catch-up');
    await writer.run(async (h) => {
      for (let i = 0; i < 50; i++) await h.create(`/catch-up-${i}`, Buffer.alloc(0), 0);
    });
    writer.close();
    const expired = await waitFor('expired', () => sub.of('session').find((e) => e.state === 'expired'), 20_000);
    expect(expired.message).toMatch(/ephemeral nodes owned by the dashboard are gone/);
    const recovered = await waitFor('recovered', () => sub.of('session').find((e) => e.state === 'recovered'), 20_000);
    expect(recovered.watches).toBe(2);
    expect(states()).toEqual(['disconnected', 'reconnected', 'disconnected', 'expired', 'recovered']);
    // What changed while away is reported: /kept no longer exists. (The catch-up writes may still
    // be arriving after the recovery, so later child events of / may follow the one that says so.)
    expect(sub.of('deleted', '/kept')).toHaveLength(1);
    expect(sub.of('children', '/').some((e) => e.removed.includes('kept'))).toBe(true);

    // The re-armed watches work on the new session.
    await (await s.ready()).create('/kept', Buffer.from('after'), 0);
    const created = await waitFor('created on the new session', () => sub.of('created', '/kept')[0]);
    expect(created.data?.text).toBe('after');
    await waitFor('children event', () => sub.of('children', '/').some((e) => e.added.includes('kept')));
  });
});
