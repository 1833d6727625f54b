/**
 * GET/POST compare against real ZooKeeper servers: identical trees, added, removed and changed
 * (value, ACL) nodes, odd names, another connection, unreadable parts (reported, not dropped),
 * bad input, the audit entry, and a walk that stops when the client goes away.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as aclRoute from '@/app/api/v1/connections/[id]/acl/route';
import * as compareRoute from '@/app/api/v1/connections/[id]/compare/route';
import * as exportRoute from '@/app/api/v1/connections/[id]/export/route';
import { queryAudit } from '@/lib/audit/store';
import { digestId } from '@/lib/shared/digest';
import type { CompareDifference, CompareSummary } from '@/lib/shared/compare';
import { closeAllSessions } from '@/lib/zk/registry';
import { fourLetterWord, startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { connectRaw, type RawZk } from '../helpers/raw-zk';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { addRoute, api, enc } from './support/api';
import { useLocalMode } from './support/local-mode';

const saved = { ...process.env };
let root: string;
let own: StandaloneServer;
let raw: RawZk;
let ownRaw: RawZk;

interface Compared {
  status: number;
  lines: string[];
  summary?: CompareSummary;
  error?: { code: string; message: string };
  progress: number;
}

const line = (d: CompareDifference) => ('only' in d ? `only ${d.only} ${d.path}` : 'changed' in d ? `changed ${d.changed}${d.data ? ' data' : ''}${d.acl ? ' acl' : ''}` : `noAuth ${d.noAuth} ${d.path}`);

export async function readCompare(res: Response): Promise<Compared> {
  const text = await res.text();
  if (!res.headers.get('content-type')?.includes('ndjson')) return { status: res.status, lines: [], error: JSON.parse(text).error, progress: 0 };
  const out: Compared = { status: res.status, lines: [], progress: 0 };
  for (const l of text.split('\n').filter(Boolean)) {
    const m = JSON.parse(l);
    if (m.summary) out.summary = m.summary;
    else if (m.progress) out.progress++;
    else if (m.error) out.error = m.error;
    else out.lines.push(line(m));
  }
  out.lines.sort();
  return out;
}

async function compareFile(path: string, body: string | Buffer, type = 'application/octet-stream'): Promise<Compared> {
  const url = `http://127.0.0.1:3000/api/v1/connections/default/compare?${new URLSearchParams({ path })}`;
  return readCompare(await compareRoute.POST(new Request(url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': type } }), { params: Promise.resolve({ id: 'default' }) }));
}

const OPEN = [{ scheme: 'world', id: 'anyone', perms: 'cdrwa' }];

/** An export file of our format holding `nodes` (relative paths as in TREE). */
function exportFile(nodes: Array<[string, string | Buffer | null]>): string {
  const lines: unknown[] = [{ format: 'zooscope-export', version: 1, root: '/x', connection: 'default', exportedAt: new Date().toISOString() }];
  for (const [rel, data] of nodes) lines.push(data === null ? { path: rel.replace(/^\//, ''), error: 'NO_AUTH' } : { path: rel.replace(/^\//, ''), data: Buffer.from(data).toString('base64'), acl: OPEN });
  lines.push({ summary: { nodes: nodes.length, errors: 0, bytes: 0 } });
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}

async function compare(params: Record<string, string>, connection = 'default'): Promise<Compared> {
  const url = `http://127.0.0.1:3000/api/v1/connections/${connection}/compare?${new URLSearchParams(params)}`;
  return readCompare(await compareRoute.GET(new Request(url), { params: Promise.resolve({ id: connection }) }));
}

const TREE: Array<[string, string | Buffer]> = [
  ['', 'top'],
  ['/x', '1'],
  ['/x/y', '2'],
  ['/z', '3'],
  ['/we?ird#na%me', 'odd'],
  ['/한국어', '설정'],
  ['/bin', Buffer.from([0, 1, 2, 0xff, 0xfe])],
  ['/seq-0000000007', ''],
];

async function createTree(zk: RawZk, at: string, nodes = TREE): Promise<void> {
  for (const [rel, data] of nodes) await zk.create(`${at}${rel}`, data, 0);
}

addRoute(/^\/api\/v1\/connections\/([^/]+)\/acl$/, aclRoute);

beforeAll(async () => {
  own = await startStandalone();
  const dir = useLocalMode('compare');
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'own', connectString: own.connectString }]));
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  raw = await connectRaw(testConnectString());
  ownRaw = await connectRaw(own.connectString);
  root = uniqueRoot('compare');
  await raw.create(root, '', 0);
  for (const at of ['a', 'b', 'c']) await createTree(raw, `${root}/${at}`);
  await ownRaw.create(root, '', 0);
  await createTree(ownRaw, `${root}/a`);
  // c differs from a: z removed, new (with a child) added, x's value and y's ACL changed.
  await raw.delete_(`${root}/c/z`, -1);
  await createTree(raw, `${root}/c`, [['/new', 'n'], ['/new/kid', 'k']]);
  await raw.set(`${root}/c/x`, 'one', -1);
  expect((await api('PUT', `/api/v1/connections/default/acl?path=${enc(`${root}/c/x/y`)}`, { acl: [{ scheme: 'world', id: 'anyone', perms: 'cdra' }], version: 0 })).status).toBe(200);
  // Unreadable parts: each side holds a node only alice may read.
  for (const at of ['d', 'e']) {
    await createTree(raw, `${root}/${at}`, [['', ''], ['/open', 'o']]);
    const res = await api('POST', '/api/v1/connections/default/node', { path: `${root}/${at}/secret`, data: { text: at }, acl: [{ scheme: 'digest', id: digestId('alice', 'pw'), perms: 'cdrwa' }] });
    expect(res.status).toBe(201);
  }
}, 60_000);

afterAll(async () => {
  closeAllSessions();
  raw?.close();
  ownRaw?.close();
  await own?.stop();
  process.env = saved;
});

describe('compare', () => {
  it('finds no differences between identical trees', async () => {
    const r = await compare({ path: `${root}/a`, with: `${root}/b` });
    expect(r.status).toBe(200);
    expect(r.lines).toEqual([]);
    expect(r.summary).toMatchObject({ compared: TREE.length, same: TREE.length, changed: 0, onlyLeft: 0, onlyRight: 0, noAuth: 0 });
  });

  it('reports removed, added and changed nodes with paths relative to the roots', async () => {
    const r = await compare({ path: `${root}/a`, with: `${root}/c` });
    expect(r.lines).toEqual(['changed x data', 'changed x/y acl', 'only left z', 'only right new', 'only right new/kid']);
    expect(r.summary).toMatchObject({ compared: TREE.length - 1, same: TREE.length - 3, changed: 2, onlyLeft: 1, onlyRight: 2, noAuth: 0 });
    // The other way round, the sides swap.
    expect((await compare({ path: `${root}/c`, with: `${root}/a` })).lines).toEqual(['changed x data', 'changed x/y acl', 'only left new', 'only left new/kid', 'only right z']);
  });

  it('compares across connections (the same path by default)', async () => {
    const same = await compare({ path: `${root}/a`, withConnection: 'own' });
    expect(same.lines).toEqual([]);
    expect(same.summary!.same).toBe(TREE.length);
    const r = await compare({ path: `${root}/c`, withConnection: 'own', with: `${root}/a` });
    expect(r.lines).toEqual(['changed x data', 'changed x/y acl', 'only left new', 'only left new/kid', 'only right z']);
  });

  it('reports what it may not read on each side, and compares the rest', async () => {
    const r = await compare({ path: `${root}/d`, with: `${root}/e` });
    expect(r.lines).toEqual(['noAuth left secret', 'noAuth right secret']);
    expect(r.summary).toMatchObject({ compared: 2, same: 2, noAuth: 2 });
    const one = await compare({ path: `${root}/d`, with: `${root}/a` });
    expect(one.lines).toContain('only left secret');
    expect(one.lines).toContain('noAuth left secret');
  });

  it('compares with an export file, gzip or not: no differences for the same tree', async () => {
    const file = exportFile(TREE);
    for (const body of [file, gzipSync(file)]) {
      const r = await compareFile(`${root}/a`, body);
      expect(r.lines).toEqual([]);
      expect(r.summary).toMatchObject({ compared: TREE.length, same: TREE.length });
    }
  });

  it('finds no differences with its own export (gzip), and the change made since', async () => {
    const res = await exportRoute.GET(new Request(`http://127.0.0.1:3000/api/v1/connections/default/export?path=${enc(`${root}/d`)}&gzip=true`), { params: Promise.resolve({ id: 'default' }) });
    expect(res.status).toBe(200);
    const file = Buffer.from(await res.arrayBuffer());
    const same = await compareFile(`${root}/d`, file);
    // The unreadable node is listed in the export as such: unreadable on both sides, not dropped.
    expect(same.lines).toEqual(['noAuth left secret', 'noAuth right secret']);
    expect(same.summary).toMatchObject({ compared: 2, same: 2 });
    await raw.set(`${root}/d/open`, 'o2', -1);
    expect((await compareFile(`${root}/d`, file)).lines).toEqual(['changed open data', 'noAuth left secret', 'noAuth right secret']);
    await raw.set(`${root}/d/open`, 'o', -1);
  });

  it('tells what changed since a backup: nodes gone, nodes new, values and ACLs changed, unreadable ones', async () => {
    // The backup of a, before c's changes: c lacks z, has new and new/kid, another x and x/y's ACL.
    const r = await compareFile(`${root}/c`, exportFile(TREE));
    expect(r.lines).toEqual(['changed x data', 'changed x/y acl', 'only left new', 'only left new/kid', 'only right z']);
    const backup = TREE.filter(([p]) => p !== '/x/y').flatMap((n): Array<[string, string | Buffer | null]> => (n[0] === '/z' ? [n, ['/z/secret', null]] : [n]));
    const lost = await compareFile(`${root}/a`, exportFile([...backup, ['/gone', 'g'], ['/gone/deeper', 'd']]));
    expect(lost.lines).toEqual(['noAuth right z/secret', 'only left x/y', 'only right gone', 'only right gone/deeper', 'only right z/secret']);
    expect(lost.summary).toMatchObject({ onlyLeft: 1, onlyRight: 3, noAuth: 1 });
  });

  it("reads ZooNavigator's export files (its trees are the root's children)", async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const acl = [{ id: 'anyone', scheme: 'world', permissions: ['ALL'] }];
    const tree = [
      { h: { path: '/elsewhere/x', data: b64('1'), acl }, t: [{ h: { path: '/elsewhere/x/y', data: b64('2'), acl: [{ id: 'anyone', scheme: 'world', permissions: ['READ'] }] } }] },
      { h: { path: '/elsewhere/z', data: b64('changed'), acl } },
    ];
    const r = await compareFile(`${root}/a`, gzipSync(JSON.stringify(tree)));
    expect(r.lines).toEqual(['changed x/y acl', 'changed z data', 'only left bin', 'only left seq-0000000007', 'only left we?ird#na%me', 'only left 한국어']);
  });

  it('refuses a file that is not an export before streaming, and a defect later in the stream', async () => {
    const bad = await compareFile(`${root}/a`, 'hello\n');
    expect([bad.status, bad.error?.code]).toEqual([400, 'INVALID_REQUEST']);
    expect(bad.error?.message).toMatch(/Line 1/);
    const form = await compareFile(`${root}/a`, exportFile(TREE), 'application/x-www-form-urlencoded');
    expect([form.status, form.error?.code]).toEqual([400, 'INVALID_REQUEST']);
    const truncated = exportFile(TREE).split('\n').slice(0, 4).join('\n');
    const late = await compareFile(`${root}/a`, truncated);
    expect(late.status).toBe(200);
    expect(late.error).toMatchObject({ code: 'INVALID_REQUEST' });
    expect(late.error?.message).toMatch(/truncated/);
    expect(late.summary).toBeUndefined();
    // A subtree that resumes after another began is not pre-order: refused by line.
    const scattered = await compareFile(`${root}/a`, exportFile([['', 'top'], ['/x', '1'], ['/z', '3'], ['/x/y', '2']]));
    expect(scattered.error?.message).toMatch(/Line 5: .*pre-order/);
  });

  it('refuses bad input with a typed error before streaming', async () => {
    expect((await compare({ with: `${root}/a` })).error?.code).toBe('INVALID_REQUEST');
    expect((await compare({ path: `${root}/a`, with: 'relative' })).error?.code).toBe('INVALID_PATH');
    const missing = await compare({ path: `${root}/a`, with: `${root}/nothing` });
    expect([missing.status, missing.error?.code]).toEqual([404, 'NO_NODE']);
    expect((await compare({ path: `${root}/a`, withConnection: 'nope' })).status).toBe(404);
  });

  it('records each comparison in the audit log with its counts', async () => {
    await compare({ path: `${root}/a`, with: `${root}/c` });
    const entry = queryAudit({ path: `${root}/a`, operation: 'compare' }).entries[0];
    expect(entry).toMatchObject({ operator: 'local', connection: 'default', path: `${root}/a` });
    expect(entry.detail).toMatchObject({ with: `${root}/c`, withConnection: 'default', changed: 2, onlyLeft: 1, onlyRight: 2, outcome: 'done' });
  });

  it('stops reading soon after the client goes away', async () => {
    const big = `${root}/big`;
    await ownRaw.create(big, '', 0);
    const NODES = 3000;
    for (let i = 0; i < NODES; i += 500) await Promise.all(Array.from({ length: 500 }, (_, j) => ownRaw.create(`${big}/n${i + j}`, 'value', 0)));
    const packets = async () => Number(/zk_packets_received\s+(\d+)/.exec(await fourLetterWord(own.clientPort, 'mntr'))![1]);
    const client = new AbortController();
    const url = `http://127.0.0.1:3000/api/v1/connections/own/compare?path=${big}&with=${big}`;
    const res = await compareRoute.GET(new Request(url, { signal: client.signal }), { params: Promise.resolve({ id: 'own' }) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('"progress"')) seen += (await reader.read()).value ?? '';
    client.abort();
    const before = await packets();
    await new Promise((r) => setTimeout(r, 200));
    const settled = await packets();
    await new Promise((r) => setTimeout(r, 500));
    const after = await packets();
    // At most what was in flight (64 nodes, two sides, two reads each) arrives after the abort, then nothing.
    expect(settled - before).toBeLessThanOrEqual(4 * 64 + 4);
    expect(after - settled).toBeLessThanOrEqual(1);
    expect(after - before).toBeLessThan(NODES);
    await reader.cancel().catch(() => undefined);
  }, 60_000);
});
