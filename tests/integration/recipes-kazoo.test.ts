/**
 * The recipe decoder against real recipes written by a third-party client (kazoo, run by
 * tests/support/kazoo/recipes.py), read through the same routes the lenses read, with churn:
 * contenders come and go and the reading ends on the true final state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAllSessions } from '@/lib/zk/registry';
import { recogniseRecipe } from '@/lib/shared/recipes';
import type { ChildrenPage, NodeResponse, SessionEphemerals } from '@/lib/shared/wire';
import type { ZkSession } from '@/lib/zk/session';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { KazooRecipe } from '../support/kazoo/driver';
import { api, enc } from './support/api';
import { otherClient, waitFor } from './support/live';

const saved = { ...process.env };
let root: string;
let other: ZkSession;
let running: KazooRecipe | null = null;

const names = async (path: string) => (await api<ChildrenPage>('GET', `/api/v1/connections/default/children?path=${enc(path)}`)).body.children.map((c) => c.name);
const node = async (path: string) => (await api<NodeResponse>('GET', `/api/v1/connections/default/node?path=${enc(path)}`)).body;
const reading = async (path: string) => recogniseRecipe(await names(path));

beforeAll(async () => {
  process.env.ZK_CONNECT = testConnectString();
  delete process.env.ZOOSCOPE_CONFIG;
  other = otherClient(testConnectString());
  root = uniqueRoot('recipes-kazoo');
  await other.run((h) => h.create(root, Buffer.alloc(0), 0));
});

afterEach(async () => {
  await running?.close();
  running = null;
});

afterAll(() => {
  other?.close();
  closeAllSessions();
  process.env = saved;
});

describe('kazoo recipes', () => {
  it('a contended Lock reads as holder and waiters in order, and ends free', async () => {
    const path = `${root}/lock`;
    const lock = (running = new KazooRecipe(testConnectString(), 'lock', path, 3));
    await lock.waitFor('acquired');
    await waitFor('three contenders', async () => (await reading(path))?.members.length === 3, 15_000);
    const r = (await reading(path))!;
    expect(r).toMatchObject({ kind: 'lock', family: 'kazoo', others: 0 });
    // The lowest sequence holds: its value is the identifier of the client kazoo says acquired.
    const holder = await node(`${path}/${r.members[0].name}`);
    expect(holder.data.text).toBe(lock.ids('acquired')[0]);
    expect(holder.stat.ephemeralOwner).not.toMatch(/^(0x)?0*$/);

    // The holder's session owns exactly its lock node, as `dump` tells.
    const own = await api<SessionEphemerals>('GET', `/api/v1/connections/default/session/ephemerals?session=${holder.stat.ephemeralOwner}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ source: 'four-letter', paths: [`${path}/${r.members[0].name}`] });

    for (let turn = 1; turn <= 3; turn++) {
      lock.send('next');
      await lock.waitFor('released', turn);
      if (turn < 3) {
        await lock.waitFor('acquired', turn + 1);
        const now = (await reading(path))!;
        expect(now.members).toHaveLength(3 - turn);
        expect((await node(`${path}/${now.members[0].name}`)).data.text).toBe(lock.ids('acquired')[turn]);
      }
    }
    await waitFor('the lock free', async () => (await names(path)).length === 0);
    expect(await reading(path)).toBeNull();
  });

  it('an Election reads as the leader and the candidates in order', async () => {
    const path = `${root}/election`;
    const election = (running = new KazooRecipe(testConnectString(), 'election', path, 3));
    await election.waitFor('acquired');
    await waitFor('three candidates', async () => (await reading(path))?.members.length === 3, 15_000);
    const r = (await reading(path))!;
    const texts = await Promise.all(r.members.map(async (m) => (await node(`${path}/${m.name}`)).data.text));
    expect(texts[0]).toBe(election.ids('acquired')[0]);
    election.send('next');
    await election.waitFor('acquired', 2);
    // The next in sequence order leads now.
    await waitFor('the next leader', async () => (await reading(path))?.members.length === 2);
    const after = (await reading(path))!;
    expect((await node(`${path}/${after.members[0].name}`)).data.text).toBe(texts[1]);
    expect(election.ids('acquired')[1]).toBe(texts[1]);
  });

  it('a Party with members joining and leaving reads as its final members', async () => {
    const path = `${root}/party`;
    const party = (running = new KazooRecipe(testConnectString(), 'party', path, 4));
    await party.waitFor('ready');
    party.send('leave 1');
    party.send('leave 3');
    party.send('join 3');
    party.send('leave 0');
    await party.waitFor('left', 3);
    await party.waitFor('joined', 5);
    await waitFor('two members', async () => (await reading(path))?.members.length === 2);
    const r = (await reading(path))!;
    expect(r).toMatchObject({ kind: 'party', family: 'kazoo' });
    const texts = await Promise.all(r.members.map(async (m) => (await node(`${path}/${m.name}`)).data.text));
    expect(texts.sort()).toEqual(['client-2', 'client-3']);
  });
});
