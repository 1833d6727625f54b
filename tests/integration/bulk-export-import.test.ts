/**
 * Export and import through the real routes against the test ZooKeeper (issue 10, §1–3): byte-exact
 * round trips, unreadable and ephemeral nodes, dry runs, conflicts, bad files refused before any
 * write, ZooNavigator files, transactions (all or nothing; chunked with a report and an undo), cancel.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '@/lib/audit/store';
import { fromNativeAcl } from '@/lib/zk/acl';
import { createNode } from '@/lib/zk/create-node';
import { closeAllSessions } from '@/lib/zk/registry';
import { digestId } from '@/lib/shared/digest';
import type { AclEntry } from '@/lib/shared/types';
import { uniqueRoot } from '../helpers/zk';
import { connectRaw, type RawZk } from '../helpers/raw-zk';
import { useLocalMode } from './support/local-mode';
import { call, exportText, importAt, linesOf, pathsBelow, session } from './support/bulk';

const saved = { ...process.env };
let root: string;
const OPEN: AclEntry[] = [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }];
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const BIG = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7) & 0xff));
const DIGEST_ACL: AclEntry[] = [
  { scheme: 'digest', id: digestId('alice', 'secret'), perms: 'cdrwa' },
  // ADMIN for everyone: ZooKeeper shows a digest ACL's hash only to a reader with ADMIN.
  { scheme: 'world', id: 'anyone', perms: 'ra' },
];

const make = (path: string, data: Buffer | string = '', extra: Partial<Parameters<typeof createNode>[1]> = {}) =>
  createNode(session(), { path, data: Buffer.from(data), mode: 'persistent', ...extra });

/** Each node's name, value and ACL, relative to `base`. */
async function snapshot(base: string): Promise<Array<[string, string, AclEntry[]]>> {
  const s = session();
  const out: Array<[string, string, AclEntry[]]> = [];
  for (const p of await pathsBelow(s, base)) {
    const { data } = await s.run((h) => h.get(p));
    const { acl } = await s.run((h) => h.getAcl(p));
    out.push([p.slice(base.length), data.toString('base64'), fromNativeAcl(acl)]);
  }
  return out;
}

beforeAll(async () => {
  useLocalMode('bulk');
  root = uniqueRoot('bulk');
  await make(root);
});

afterAll(() => {
  closeAllSessions();
  process.env = saved;
});

describe('export', () => {
  it('streams the header, the nodes in pre-order and a summary, named for download', async () => {
    const base = `${root}/order`;
    for (const p of ['', '/b', '/a', '/a/y', '/a/x', '/c']) await make(`${base}${p}`, p);
    const res = await call('GET', 'export', { path: base });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="127\.0\.0\.1_\d+-order-\d{8}T\d{6}Z\.zkexport"$/);
    const lines = await linesOf(res);
    expect(lines[0]).toMatchObject({ format: 'zooscope-export', version: 1, root: base, connection: process.env.ZK_CONNECT });
    expect(lines.slice(1, -1).map((l) => l.path)).toEqual(['', 'a', 'a/x', 'a/y', 'b', 'c']);
    expect(lines[2]).toMatchObject({ data: Buffer.from('/a').toString('base64'), acl: OPEN, stat: { version: 0, numChildren: 2 } });
    expect(lines[lines.length - 1]).toEqual({ summary: { nodes: 6, errors: 0, bytes: 14 } });
    const audit = queryAudit({ path: base, operation: 'export', limit: 10 }).entries;
    expect(audit[0]?.detail).toMatchObject({ nodes: 6, errors: 0, outcome: 'done' });
  });

  it('gzips on request, and lists unreadable nodes with NO_AUTH and ephemeral ones as such', async () => {
    const base = `${root}/marks`;
    await make(base);
    await make(`${base}/secret`, 'hidden', { acl: [{ scheme: 'digest', id: digestId('bob', 'pw'), perms: 'cdrwa' }] });
    const raw: RawZk = await connectRaw(process.env.ZK_CONNECT!);
    try {
      await raw.create(`${base}/live`, Buffer.from('e'), 1);
      const res = await call('GET', 'export', { path: base, gzip: 'true' });
      expect(res.headers.get('content-disposition')).toMatch(/\.zkexport\.gz"$/);
      const lines = gunzipSync(Buffer.from(await res.arrayBuffer())).toString().trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.find((l) => l.path === 'secret')).toEqual({ path: 'secret', error: 'NO_AUTH' });
      expect(lines.find((l) => l.path === 'live')).toMatchObject({ ephemeral: true, data: 'ZQ==' });
      expect(lines[lines.length - 1]).toEqual({ summary: { nodes: 3, errors: 1, bytes: 1 } });
      // Importing it: the ephemeral node is skipped and reported, the unreadable one too.
      const file = lines.map((l) => JSON.stringify(l)).join('\n');
      const { result } = await importAt(`${root}/marks-copy`, file);
      expect(result).toMatchObject({ created: 1, skipped: 2, failed: 0 });
      expect(await pathsBelow(session(), `${root}/marks-copy`)).toEqual([`${root}/marks-copy`]);
    } finally {
      raw.close();
    }
  });

  it('answers 404 NO_NODE for a missing root, before any line', async () => {
    const res = await call('GET', 'export', { path: `${root}/nothing-here` });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NO_NODE');
  });
});

describe('import', () => {
  it('round-trips byte-exact: every byte value, 1,000,000 bytes, Unicode and ?#% names, sequential names, digest ACLs', async () => {
    const base = `${root}/trip`;
    await make(base, 'top');
    await make(`${base}/bytes`, ALL_BYTES);
    await make(`${base}/big`, BIG);
    await make(`${base}/ünï ?#%&=+ 名前`, 'names');
    const seq = await createNode(session(), { path: `${base}/job-`, data: Buffer.from('s'), mode: 'persistent_sequential' });
    await make(`${base}/guarded`, 'acl', { acl: DIGEST_ACL });
    await make(`${base}/bytes/empty`);
    const before = await snapshot(base);
    expect(before.map(([p]) => p)).toContain(seq.path.slice(base.length));

    const file = await exportText(base);
    const copy = `${root}/trip-copy/deeper`;
    const { result, progress } = await importAt(copy, gzipSync(file));
    // 1,000,000 bytes and the rest still fit the server's 1 MiB request: one transaction.
    expect(result).toMatchObject({ created: 7, updated: 0, skipped: 0, failed: 0, errors: [], parentsCreated: [`${root}/trip-copy`] });
    expect(result.transactions).toBe(1);
    expect(progress[progress.length - 1]).toEqual({ done: 7, total: 7 });
    expect(await snapshot(copy)).toEqual(before);
    const audit = queryAudit({ path: copy, operation: 'import', limit: 10 }).entries;
    expect(audit[0]?.detail).toMatchObject({ created: 7, outcome: 'done', parents: [`${root}/trip-copy`] });
  });

  it('writes nothing on a dry run and lists what it would do', async () => {
    const base = `${root}/dry`;
    await make(base);
    await make(`${base}/a`, 'old');
    const file = (await exportText(base)).replace(Buffer.from('old').toString('base64'), Buffer.from('new').toString('base64'));
    await make(`${root}/dry-target`);
    await make(`${root}/dry-target/a`, 'other');
    const { result } = await importAt(`${root}/dry-target`, file, { dryRun: 'true', onConflict: 'overwrite' });
    expect(result).toMatchObject({ dryRun: true, created: 0, updated: 2, skipped: 0, transactions: 0 });
    expect(result.plan).toEqual([
      { path: `${root}/dry-target`, action: 'update' },
      { path: `${root}/dry-target/a`, action: 'update' },
    ]);
    expect((await session().run((h) => h.get(`${root}/dry-target/a`))).data.toString()).toBe('other');
    const fresh = await importAt(`${root}/dry-fresh/x`, file, { dryRun: 'true' });
    expect(fresh.result.plan?.map((p) => p.action)).toEqual(['create', 'create', 'create']);
    expect(await session().run((h) => h.exists(`${root}/dry-fresh`))).toBeNull();
  });

  it('fails, skips or overwrites existing nodes as asked; overwrite is conditional and applies the ACL', async () => {
    const base = `${root}/conf`;
    await make(base, 'v1');
    await make(`${base}/k`, 'k1');
    const file = await exportText(base);
    await session().run((h) => h.set(`${base}/k`, Buffer.from('k2'), 0));

    const failed = await importAt(base, file);
    expect(failed.result).toMatchObject({ created: 0, updated: 0, failed: 2, transactions: 0 });
    expect(failed.result.errors.map((e) => e.code)).toEqual(['NODE_EXISTS', 'NODE_EXISTS']);
    const skipped = await importAt(base, file, { onConflict: 'skip' });
    expect(skipped.result).toMatchObject({ created: 0, skipped: 2 });
    expect((await session().run((h) => h.get(`${base}/k`))).data.toString()).toBe('k2');

    await session().run((h) => h.setAcl(`${base}/k`, 0, [{ scheme: 'world', auth: 'anyone', perms: 31 }, { scheme: 'ip', auth: '10.0.0.1', perms: 1 }]));
    const over = await importAt(base, file, { onConflict: 'overwrite' });
    expect(over.result).toMatchObject({ updated: 2, failed: 0 });
    const k = await session().run((h) => h.get(`${base}/k`));
    expect([k.data.toString(), k.stat.version]).toEqual(['k1', 2]);
    expect((await snapshot(base))[1][2]).toEqual(OPEN);
  });

  it('refuses bad files with INVALID_REQUEST naming the line, before anything is written', async () => {
    const base = `${root}/bad`;
    await make(base);
    await make(`${base}/a`, 'x'.repeat(2000));
    const good = await exportText(base);
    const lines = good.trim().split('\n');
    const node = JSON.parse(lines[2]);
    const withLine = (l: object) => [lines[0], lines[1], JSON.stringify(l), lines[3]].join('\n');
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['another format', 'hello world\n', /^Line 1: not valid JSON/],
      ['a truncated gzip', gzipSync(good).subarray(0, 40), /gzip data is damaged or truncated/],
      ['a truncated file', good.slice(0, good.length - 60), /Line 3: not valid JSON/],
      ['invalid base64', withLine({ ...node, data: 'abc$' }), /^Line 3: data is not valid base64/],
      ['a path with ..', withLine({ ...node, path: '../escape' }), /^Line 3: path "..\/escape"/],
      ['an invalid name', withLine({ ...node, path: 'a\u0001b' }), /^Line 3: path .*invalid character/],
      ['a value over the size limit', withLine({ ...node, data: Buffer.alloc(1_048_000).toString('base64') }), /^Line 3: the value is 1048000 bytes/],
    ];
    for (const [name, file, message] of cases) {
      const res = await call('POST', 'import', { path: `${root}/bad-target` }, file);
      expect(res.status, name).toBe(400);
      const { error } = await res.json();
      expect(error.code, name).toBe('INVALID_REQUEST');
      expect(error.message, name).toMatch(message);
      expect(await session().run((h) => h.exists(`${root}/bad-target`)), name).toBeNull();
    }
  });

  it("imports ZooNavigator's export files below the target", async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const all = ['READ', 'WRITE', 'CREATE', 'DELETE', 'ADMIN'];
    const zn = [
      { h: { path: '/app', data: b64('app'), acl: [{ id: 'anyone', scheme: 'world', permissions: all }] }, t: [{ h: { path: '/app/db', data: b64('jdbc:x'), acl: [{ id: 'anyone', scheme: 'world', permissions: ['READ', 'WRITE'] }] }, t: [] }] },
      { h: { path: '/other', data: '', acl: [{ id: 'anyone', scheme: 'world', permissions: all }] }, t: [] },
    ];
    const target = `${root}/zn/into`;
    const { result } = await importAt(target, gzipSync(JSON.stringify(zn)));
    expect(result).toMatchObject({ created: 3, failed: 0, parentsCreated: [`${root}/zn`, target] });
    expect(await snapshot(target)).toEqual([
      ['', '', OPEN],
      ['/app', b64('app'), OPEN],
      ['/app/db', b64('jdbc:x'), [{ scheme: 'world', id: 'anyone', perms: 'rw' }]],
      ['/other', '', OPEN],
    ]);
  });
});

describe('transactions', () => {
  /** A file whose third node refuses its child: created with an ACL that does not let us create below it. */
  async function fileWithRefusal(base: string): Promise<string> {
    await make(base);
    for (const n of ['a', 'b', 'c']) await make(`${base}/${n}`, n);
    await make(`${base}/b/child`, 'child');
    await make(`${base}/d`, 'd');
    return (await exportText(base)).replace(/"path":"b","data":"Yg==","acl":\[[^\]]*\]/, `"path":"b","data":"Yg==","acl":[{"scheme":"world","id":"anyone","perms":"r"}]`);
  }

  it('leaves nothing when an op in the middle of the one transaction fails', async () => {
    const file = await fileWithRefusal(`${root}/atomic`);
    const target = `${root}/atomic-copy`;
    const { result } = await importAt(target, file);
    expect(result).toMatchObject({ created: 0, failed: 1, transactions: 0 });
    expect(result.errors[0]).toMatchObject({ path: `${target}/b/child`, code: 'NO_AUTH' });
    expect(result.undo).toBeUndefined();
    expect(await session().run((h) => h.exists(target))).toBeNull();
    expect(queryAudit({ path: target, operation: 'import', limit: 10 }).entries).toEqual([]);
  });
});
