/**
 * Copy, move and rename through the real route (issue 10, §4): within a connection and between
 * two ZooKeeper servers, moves as one transaction, refusals, and a move that meets a change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/audit/store';
import { multi } from '@/lib/zk/multi';
import { closeAllSessions } from '@/lib/zk/registry';
import { prepareCopy } from '@/lib/services/bulk/copy';
import { openConnection } from '@/lib/services/connections';
import { startStandalone, type StandaloneServer } from '../../scripts/lib/zk-server';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { call, linesOf, pathsBelow, session } from './support/bulk';

const saved = { ...process.env };
let other: StandaloneServer;
let root: string;
const operator = { name: 'tester', role: 'admin' as const, sessionId: null };

async function seed(base: string): Promise<void> {
  const ops = ['', '/a', '/a/x', '/b'].map((p) => ({ op: 'create' as const, path: `${base}${p}`, data: Buffer.from(`v${p}`) }));
  await multi(session(), ops);
}

async function values(connection: string, base: string): Promise<Array<[string, string]>> {
  const s = session(connection);
  const out: Array<[string, string]> = [];
  for (const p of await pathsBelow(s, base)) out.push([p.slice(base.length), (await s.run((h) => h.get(p))).data.toString()]);
  return out;
}

async function copy(body: Record<string, unknown>): Promise<{ status: number; lines: any[] }> {
  const res = await call('POST', 'copy', {}, body);
  return { status: res.status, lines: res.status === 200 ? await linesOf(res) : [await res.json()] };
}

const SEEDED = [['', 'v'], ['/a', 'v/a'], ['/a/x', 'v/a/x'], ['/b', 'v/b']];

beforeAll(async () => {
  other = await startStandalone();
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-bulk-copy-'));
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'other', connectString: other.connectString }]));
  delete process.env.ZOOSCOPE_USERS_FILE;
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  process.env.ZOOSCOPE_AUDIT_FILE = join(dir, 'audit.sqlite');
  root = uniqueRoot('bulkcopy');
  await multi(session(), [{ op: 'create', path: root }]);
}, 60_000);

afterAll(async () => {
  closeAllSessions();
  await other?.stop();
  process.env = saved;
});

describe('copy', () => {
  it('copies a subtree within the connection, creating the target’s parents', async () => {
    await seed(`${root}/src`);
    const { status, lines } = await copy({ from: `${root}/src`, to: `${root}/dst/deep` });
    expect(status).toBe(200);
    expect(lines[lines.length - 1].result).toMatchObject({ created: 4, failed: 0, transactions: 1, parentsCreated: [`${root}/dst`] });
    expect(await values('default', `${root}/dst/deep`)).toEqual(SEEDED);
    expect(await values('default', `${root}/src`)).toEqual(SEEDED);
    expect(queryAudit({ path: `${root}/dst/deep`, operation: 'copy', limit: 5 }).entries[0].detail).toMatchObject({ created: 4, outcome: 'done' });
  });

  it('copies to another connection (cluster to cluster)', async () => {
    await seed(`${root}/x-src`);
    const { lines } = await copy({ from: `${root}/x-src`, to: '/from-default', targetConnection: 'other' });
    expect(lines[lines.length - 1].result).toMatchObject({ created: 4, undo: { connection: 'other' } });
    expect(await values('other', '/from-default')).toEqual(SEEDED);
  });

  it('refuses a copy into its own subtree, and anything under /zookeeper', async () => {
    await seed(`${root}/self`);
    for (const [body, code] of [
      [{ from: `${root}/self`, to: `${root}/self/a/inside`, move: true }, 'INVALID_REQUEST'],
      [{ from: `${root}/self`, to: `${root}/self/inside` }, 'INVALID_REQUEST'],
      [{ from: '/zookeeper', to: `${root}/zk` }, 'FORBIDDEN'],
      [{ from: `${root}/self`, to: '/zookeeper/mine' }, 'FORBIDDEN'],
    ] as const) {
      const { status, lines } = await copy(body);
      expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(lines[0].error.code).toBe(code);
    }
    expect(await values('default', `${root}/self`)).toEqual(SEEDED);
  });
});

describe('move', () => {
  it('moves (renames) to a sibling in one transaction', async () => {
    await seed(`${root}/old-name`);
    const { lines } = await copy({ from: `${root}/old-name`, to: `${root}/new-name`, move: true });
    expect(lines[lines.length - 1].result).toMatchObject({ created: 4, deleted: 4, transactions: 1, failed: 0 });
    expect(await values('default', `${root}/new-name`)).toEqual(SEEDED);
    expect(await session().run((h) => h.exists(`${root}/old-name`))).toBeNull();
    expect(queryAudit({ path: `${root}/new-name`, operation: 'move', limit: 5 }).entries[0].detail).toMatchObject({ deleted: 4, from: `${root}/old-name` });
  });

  it('moves to another connection, deleting the source after the copy', async () => {
    await seed(`${root}/leaving`);
    const { lines } = await copy({ from: `${root}/leaving`, to: '/arrived', targetConnection: 'other', move: true });
    expect(lines[lines.length - 1].result).toMatchObject({ created: 4, deleted: 4 });
    expect(await values('other', '/arrived')).toEqual(SEEDED);
    expect(await session().run((h) => h.exists(`${root}/leaving`))).toBeNull();
  });

  it('stops at a source node changed during the move, losing nothing (one transaction: nothing moved)', async () => {
    await seed(`${root}/busy`);
    const job = await prepareCopy(openConnection(operator, 'default', 'write'), openConnection(operator, 'default', 'write'), { from: `${root}/busy`, to: `${root}/busy-moved`, move: true, onConflict: 'fail', dryRun: false });
    const result = await job.run(async (p) => {
      if (p.done === 0) await session().run((h) => h.set(`${root}/busy/a/x`, Buffer.from('edited'), 0));
    });
    expect(result).toMatchObject({ created: 0, failed: 1, transactions: 0 });
    expect(result.errors[0]).toMatchObject({ path: `${root}/busy/a/x`, code: 'BAD_VERSION' });
    expect((await values('default', `${root}/busy`))[2]).toEqual(['/a/x', 'edited']);
    expect(await session().run((h) => h.exists(`${root}/busy-moved`))).toBeNull();
  });

  it('stops at a changed node of a chunked cross-connection move: the copy and the changed source both stay', async () => {
    await seed(`${root}/busy2`);
    const job = await prepareCopy(openConnection(operator, 'default', 'write'), openConnection(operator, 'other', 'write'), { from: `${root}/busy2`, to: '/busy2', move: true, onConflict: 'fail', dryRun: false, maxOps: 2 });
    const result = await job.run(async (p) => {
      if (p.done === 0) await session().run((h) => h.set(`${root}/busy2/a`, Buffer.from('edited'), 0));
    });
    expect(result).toMatchObject({ created: 4, failed: 1 });
    expect(result.errors[0]).toMatchObject({ path: `${root}/busy2/a`, code: 'BAD_VERSION' });
    expect(await values('other', '/busy2')).toEqual(SEEDED);
    // The deletes go deepest first: /b and /a/x went, /a (changed) stopped the move, so it and the root stay.
    expect(await values('default', `${root}/busy2`)).toEqual([['', 'v'], ['/a', 'edited']]);
  });
});
