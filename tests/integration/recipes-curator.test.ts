/**
 * The recipe decoder against a second client family: real Apache Curator recipes (mutex, leader
 * latch, semaphore, read-write lock; tests/support/curator/Recipes.java), read through the same
 * routes the lenses read, with the holder changing hands until the lock is free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAllSessions } from '@/lib/zk/registry';
import { recogniseRecipe } from '@/lib/shared/recipes';
import type { ChildrenPage, NodeResponse } from '@/lib/shared/wire';
import type { ZkSession } from '@/lib/zk/session';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { CuratorRecipes } from '../support/curator/driver';
import { api, enc } from './support/api';
import { otherClient, waitFor } from './support/live';

const saved = { ...process.env };
let root: string;
let other: ZkSession;
let curator: CuratorRecipes;

const names = async (path: string) => (await api<ChildrenPage>('GET', `/api/v1/connections/default/children?path=${enc(path)}`)).body.children.map((c) => c.name);
const node = async (path: string) => (await api<NodeResponse>('GET', `/api/v1/connections/default/node?path=${enc(path)}`)).body;
const reading = async (path: string) => recogniseRecipe(await names(path));
const owner = (hex: string) => BigInt(hex.startsWith('0x') ? hex : `0x${hex}`);

beforeAll(async () => {
  process.env.ZK_CONNECT = testConnectString();
  delete process.env.ZOOSCOPE_CONFIG;
  other = otherClient(testConnectString());
  root = uniqueRoot('recipes-curator');
  await other.run((h) => h.create(root, Buffer.alloc(0), 0));
  curator = new CuratorRecipes(testConnectString(), root);
  // A JVM's first start compiles the driver: give it time on a loaded machine.
  await curator.waitFor('ready', 1, 90_000);
}, 120_000);

afterAll(async () => {
  await curator?.close();
  other?.close();
  closeAllSessions();
  process.env = saved;
});

describe('Curator recipes', () => {
  it('the leader latch, semaphore and read-write lock read as what they are', async () => {
    const latch = (await reading(`${root}/latch`))!;
    expect(latch).toMatchObject({ kind: 'election', family: 'curator' });
    expect(latch.members).toHaveLength(2);
    // LeaderLatch writes its id as the node's value; the lowest sequence leads.
    expect((await node(`${root}/latch/${latch.members[0].name}`)).data.text).toBe('one');

    const leases = (await reading(`${root}/semaphore/leases`))!;
    expect(leases).toMatchObject({ kind: 'semaphore', family: 'curator' });
    expect(leases.members).toHaveLength(2);

    const rw = (await reading(`${root}/rw`))!;
    expect(rw).toMatchObject({ kind: 'read-write-lock', family: 'curator' });
    expect(rw.members.map((m) => m.role)).toEqual(['read']);
  });

  it('a contended mutex reads as holder and waiter, changes hands, and ends free', async () => {
    const path = `${root}/lock`;
    const [one] = curator.ids('session-one');
    const [two] = curator.ids('session-two');
    await waitFor('two contenders', async () => (await reading(path))?.members.length === 2, 15_000);
    const r = (await reading(path))!;
    expect(r).toMatchObject({ kind: 'lock', family: 'curator' });
    expect(owner((await node(`${path}/${r.members[0].name}`)).stat.ephemeralOwner)).toBe(owner(one));
    expect(owner((await node(`${path}/${r.members[1].name}`)).stat.ephemeralOwner)).toBe(owner(two));

    curator.send('release-one');
    await curator.waitFor('acquired');
    await waitFor('one contender', async () => (await reading(path))?.members.length === 1);
    const now = (await reading(path))!;
    expect(owner((await node(`${path}/${now.members[0].name}`)).stat.ephemeralOwner)).toBe(owner(two));

    curator.send('release-two');
    await curator.waitFor('released', 2);
    await waitFor('the lock free', async () => (await names(path)).length === 0);
    expect(await reading(path)).toBeNull();
  });
});
