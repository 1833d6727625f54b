/**
 * Imports larger than one transaction (issue 10, §3): each transaction reported, a failure stops
 * the run and reports exactly what was written with an undo that removes it; an overwrite racing
 * another client is a reported conflict; a cancelled import stops writing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/audit/store';
import { multi } from '@/lib/zk/multi';
import { closeAllSessions } from '@/lib/zk/registry';
import { prepareImport } from '@/lib/services/bulk/import';
import { openConnection } from '@/lib/services/connections';
import type { BulkProgress } from '@/lib/shared/export-format';
import { uniqueRoot } from '../helpers/zk';
import { useLocalMode } from './support/local-mode';
import { call, exportText, importAt, linesOf, pathsBelow, session } from './support/bulk';

const saved = { ...process.env };
let root: string;
const context = () => openConnection({ name: 'tester', role: 'admin', sessionId: null }, 'default', 'write');

async function seed(base: string, names: string[], data = 'v'): Promise<void> {
  await multi(session(), [base, ...names.map((n) => `${base}/${n}`)].map((path) => ({ op: 'create' as const, path, data: Buffer.from(data) })));
}

const fileOf = (text: string) => (async function* () {
  yield Buffer.from(text);
})();

beforeAll(async () => {
  useLocalMode('bulk-tx');
  root = uniqueRoot('bulktx');
  await multi(session(), [{ op: 'create', path: root }]);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('chunked imports', () => {
  it('reports each transaction, stops at a refused one, says what was written, and undoes it', async () => {
    const base = `${root}/chunks`;
    await seed(base, ['a', 'b', 'c', 'd', 'e']);
    // Node "d" refuses its child: its ACL (in the file) lets nobody create below it.
    await multi(session(), [{ op: 'create', path: `${base}/d/child` }]);
    const file = (await exportText(base)).replace(/("path":"d","data":"dg==","acl":)\[[^\]]*\]/, '$1[{"scheme":"world","id":"anyone","perms":"r"}]');
    const target = `${root}/chunks-copy`;
    const progress: BulkProgress[] = [];
    const job = await prepareImport(context(), fileOf(file), { target, onConflict: 'fail', dryRun: false, acl: 'file', ephemeral: 'skip', maxOps: 2 });
    const result = await job.run((p) => void progress.push(p));
    // Transactions of two: (root, a), (b, c), then (d, d/child) is refused whole.
    expect(result).toMatchObject({ created: 4, failed: 1, transactions: 2 });
    expect(result.errors).toEqual([expect.objectContaining({ path: `${target}/d/child`, code: 'NO_AUTH' })]);
    expect(progress).toEqual([{ done: 0, total: 7 }, { done: 2, total: 7 }, { done: 4, total: 7 }]);
    expect(await pathsBelow(session(), target)).toEqual([target, `${target}/a`, `${target}/b`, `${target}/c`]);
    expect(result.undo).toEqual({ connection: 'default', created: [target, `${target}/a`, `${target}/b`, `${target}/c`] });
    const audit = queryAudit({ path: target, operation: 'import', limit: 5 }).entries[0];
    expect(audit.detail).toMatchObject({ outcome: 'failed', error: 'NO_AUTH', created: 4, transactions: 2 });

    // The undo (one transaction here) refuses while a node was changed since: nothing is lost.
    await session().run((h) => h.set(`${target}/b`, Buffer.from('changed'), 0));
    const kept = await linesOf(await call('POST', 'undo', {}, { created: result.undo!.created }));
    expect(kept[kept.length - 1].result).toEqual({ deleted: 0, kept: [expect.objectContaining({ path: `${target}/b`, code: 'BAD_VERSION' })] });
    expect(await pathsBelow(session(), target)).toHaveLength(4);
    await session().run((h) => h.delete(`${target}/b`, 1));
    const undone = await linesOf(await call('POST', 'undo', {}, { created: result.undo!.created }));
    expect(undone[undone.length - 1].result).toEqual({ deleted: 3, kept: [] });
    expect(await session().run((h) => h.exists(target))).toBeNull();
  });

  it('reports an overwrite that races another client as a conflict and overwrites nothing', async () => {
    const base = `${root}/race`;
    await seed(base, ['x', 'y'], 'mine');
    const file = await exportText(base);
    await session().run((h) => h.set(`${base}/x`, Buffer.from('edited'), 0));
    const job = await prepareImport(context(), fileOf(file), { target: base, onConflict: 'overwrite', dryRun: false, acl: 'file', ephemeral: 'skip' });
    // Someone else changes y after the import read it, before its transaction is sent.
    const result = await job.run(async (p) => {
      if (p.done === 0) await session().run((h) => h.set(`${base}/y`, Buffer.from('theirs'), 0));
    });
    expect(result).toMatchObject({ updated: 0, failed: 1, transactions: 0 });
    expect(result.errors[0]).toMatchObject({ path: `${base}/y`, code: 'BAD_VERSION' });
    const values = await Promise.all(['x', 'y'].map(async (n) => (await session().run((h) => h.get(`${base}/${n}`))).data.toString()));
    expect(values).toEqual(['edited', 'theirs']);
  });
});

describe('cancel', () => {
  it('stops writing when the client goes away', async () => {
    const base = `${root}/big`;
    const value = 'z'.repeat(30_000);
    await multi(session(), [{ op: 'create', path: base }]);
    for (let i = 0; i < 200; i += 20) {
      await multi(session(), Array.from({ length: 20 }, (_, j) => ({ op: 'create' as const, path: `${base}/n${String(i + j).padStart(3, '0')}`, data: Buffer.from(value) })));
    }
    const file = await exportText(base);
    const target = `${root}/big-copy`;
    const abort = new AbortController();
    const res = await call('POST', 'import', { path: target }, file, { signal: abort.signal });
    const reader = res.body!.getReader();
    let text = '';
    while (!/"done":[1-9]/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    await new Promise((r) => setTimeout(r, 300));
    const after = (await pathsBelow(session(), target)).length;
    await new Promise((r) => setTimeout(r, 1000));
    expect((await pathsBelow(session(), target)).length).toBe(after);
    expect(after).toBeLessThan(201);
    expect(queryAudit({ path: target, operation: 'import', limit: 5 }).entries[0].detail).toMatchObject({ outcome: 'cancelled' });
  });

  it('an import the size of a transaction is one, all or nothing', async () => {
    const base = `${root}/one`;
    await seed(base, Array.from({ length: 50 }, (_, i) => `k${i}`));
    const { result } = await importAt(`${root}/one-copy`, await exportText(base));
    expect(result).toMatchObject({ created: 51, transactions: 1 });
  });
});
