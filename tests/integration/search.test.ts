/**
 * GET search against real ZooKeeper servers: names and values in every mode, Korean text and
 * odd names, gzip and binary values, unreadable nodes, the limit, bad and catastrophic regexes,
 * and a walk that stops when the client goes away (told by the server's own packet counter).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as searchRoute from '@/app/api/v1/connections/[id]/search/route';
import { digestId } from '@/lib/shared/digest';
import type { SearchDone, SearchMatch } from '@/lib/shared/search';
import { closeAllSessions } from '@/lib/zk/registry';
import { fourLetterWord, startStandalone, type StandaloneServer } from '@/scripts/lib/zk-server';
import { connectRaw, type RawZk } from '../helpers/raw-zk';
import { testConnectString, uniqueRoot } from '../helpers/zk';
import { api } from './support/api';

const saved = { ...process.env };
let root: string;
let own: StandaloneServer;
let raw: RawZk;
let ownRaw: RawZk;

interface Streamed {
  status: number;
  matches: SearchMatch[];
  done?: SearchDone;
  error?: { code: string; message: string };
  progress: number;
}

/** Calls the route and reads its NDJSON answer (or the JSON envelope of a refused query). */
async function search(params: Record<string, string | number | boolean>, connection = 'default'): Promise<Streamed> {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const res = await searchRoute.GET(new Request(`http://127.0.0.1:3000/api/v1/connections/${connection}/search?${qs}`), { params: Promise.resolve({ id: connection }) });
  const text = await res.text();
  if (!res.headers.get('content-type')?.includes('ndjson')) return { status: res.status, matches: [], error: JSON.parse(text).error, progress: 0 };
  const out: Streamed = { status: res.status, matches: [], progress: 0 };
  for (const line of text.split('\n').filter(Boolean)) {
    const m = JSON.parse(line);
    if (m.match) out.matches.push(m.match);
    else if (m.progress) out.progress++;
    else if (m.done) out.done = m.done;
    else if (m.error) out.error = m.error;
  }
  return out;
}

const paths = (r: Streamed) => r.matches.map((m) => `${m.in} ${m.path.slice(root.length)}`).sort();
const marked = (m: SearchMatch) => `${m.snippet.slice(0, m.start)}[${m.snippet.slice(m.start, m.end)}]${m.snippet.slice(m.end)}`;

async function createAll(zk: RawZk, nodes: Array<[string, string | Buffer]>): Promise<void> {
  for (const [path, data] of nodes) await zk.create(path, data, 0);
}

beforeAll(async () => {
  own = await startStandalone();
  const dir = mkdtempSync(join(tmpdir(), 'zooscope-search-'));
  writeFileSync(join(dir, 'connections.json'), JSON.stringify([{ id: 'own', connectString: own.connectString }]));
  process.env.ZK_CONNECT = testConnectString();
  process.env.ZOOSCOPE_CONFIG = join(dir, 'connections.json');
  delete process.env.ZOOSCOPE_USERS_FILE;
  raw = await connectRaw(testConnectString());
  root = uniqueRoot('search');
  await createAll(raw, [
    [root, ''],
    [`${root}/config`, ''],
    [`${root}/config/orders-service`, '{"broker":"kafka-1.example:9092","topic":"orders"}'],
    [`${root}/config/Payments`, 'line one\nthe ORDERS topic\nlast line'],
    [`${root}/한국어`, ''],
    [`${root}/한국어/설정`, '브로커 주소는 서울-1:9092 입니다'],
    [`${root}/we?ird#na%me`, 'odd one'],
    [`${root}/zipped`, gzipSync('compressed\nholds orders too')],
    [`${root}/bin`, Buffer.from([0, 1, 2, 0xff, 0xfe])],
    [`${root}/many`, ''],
    ...Array.from({ length: 30 }, (_, i): [string, string] => [`${root}/many/n${i}`, 'hit']),
    [`${root}/slow`, ''],
    [`${root}/slow/evil`, `${'a'.repeat(32)}!`],
    [`${root}/slow/fine`, 'aaa'],
    [`${root}/slower`, ''],
    ...Array.from({ length: 4 }, (_, i): [string, string] => [`${root}/slower/evil${i}`, `${'a'.repeat(32)}!`]),
  ]);
  // Readable only with alice's credentials, which the app's session does not carry.
  const res = await api('POST', '/api/v1/connections/default/node', {
    path: `${root}/config/secret`,
    data: { text: 'orders secret' },
    acl: [{ scheme: 'digest', id: digestId('alice', 'pw'), perms: 'cdrwa' }],
  });
  expect(res.status).toBe(201);
}, 120_000);

afterAll(async () => {
  closeAllSessions();
  raw?.close();
  ownRaw?.close();
  await own?.stop();
  process.env = saved;
});

describe('search', () => {
  it('finds names as text, ignoring case unless asked, and includes the root', async () => {
    const r = await search({ path: root, name: 'ORDERS' });
    expect(paths(r)).toEqual(['name /config/orders-service']);
    expect(marked(r.matches[0])).toBe('[orders]-service');
    expect((await search({ path: root, name: 'ORDERS', case: true })).matches).toEqual([]);
    expect(paths(await search({ path: `${root}/config`, name: 'conf' }))).toEqual(['name /config']);
    expect(r.done).toMatchObject({ matches: 1, truncated: false, skipped: { noAuth: 1 } });
  });

  it('finds data as text in UTF-8 and gzip values, skipping binary and unreadable ones', async () => {
    const r = await search({ path: root, data: 'orders' });
    expect(paths(r)).toEqual(['data /config/Payments', 'data /config/orders-service', 'data /zipped']);
    const payments = r.matches.find((m) => m.path.endsWith('Payments'))!;
    expect(payments).toMatchObject({ line: 2, column: 4 });
    expect(marked(payments)).toBe('the [ORDERS] topic');
    expect(marked(r.matches.find((m) => m.path.endsWith('zipped'))!)).toBe('holds [orders] too');
    expect(r.done).toMatchObject({ matches: 3, truncated: false, skipped: { noAuth: 1, binary: 1, timeout: 0 } });
    expect(r.done!.scanned).toBeGreaterThan(40);
  });

  it('matches globs (whole names; within a line of data) and regexes, with case', async () => {
    expect(paths(await search({ path: root, name: 'orders-*', mode: 'glob' }))).toEqual(['name /config/orders-service']);
    expect(paths(await search({ path: root, name: 'order', mode: 'glob' }))).toEqual([]);
    expect(paths(await search({ path: root, name: '*MENTS', mode: 'glob' }))).toEqual(['name /config/Payments']);
    expect(paths(await search({ path: root, name: '*MENTS', mode: 'glob', case: true }))).toEqual([]);
    const glob = await search({ path: root, data: 'kafka-?.example:*"', mode: 'glob' });
    expect(marked(glob.matches[0])).toBe('{"broker":"[kafka-1.example:9092","topic":"orders"]}');
    const re = await search({ path: root, data: 'kafka-\\d+\\.example:(\\d+)', mode: 'regex' });
    expect(marked(re.matches[0])).toBe('{"broker":"[kafka-1.example:9092]","topic":"orders"}');
    expect(paths(await search({ path: root, data: '^the orders', mode: 'regex' }))).toEqual(['data /config/Payments']);
    expect(paths(await search({ path: root, data: '^the orders', mode: 'regex', case: true }))).toEqual([]);
  });

  it('searches Korean text and names with ? # %', async () => {
    const ko = await search({ path: root, name: '설정', data: '서울' });
    expect(paths(ko)).toEqual(['data /한국어/설정', 'name /한국어/설정']);
    expect(marked(ko.matches.find((m) => m.in === 'data')!)).toBe('브로커 주소는 [서울]-1:9092 입니다');
    const odd = await search({ path: root, name: '?ird#na%' });
    expect(paths(odd)).toEqual(['name /we?ird#na%me']);
    expect(paths(await search({ path: root, name: 'we?ird#*', mode: 'glob' }))).toEqual(['name /we?ird#na%me']);
  });

  it('stops at the limit and says so', async () => {
    const r = await search({ path: `${root}/many`, data: 'hit', limit: 10 });
    expect(r.matches).toHaveLength(10);
    expect(r.done).toMatchObject({ matches: 10, truncated: true });
    const all = await search({ path: `${root}/many`, data: 'hit' });
    expect(all.done).toMatchObject({ matches: 30, truncated: false });
    expect((await search({ path: `${root}/many`, data: 'hit', limit: 10_001 })).error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/limit must be at most 10000/) });
  });

  it('refuses a bad query before walking', async () => {
    const bad = await search({ path: root, data: 'orders(', mode: 'regex' });
    expect(bad.status).toBe(400);
    expect(bad.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/data pattern .*Unterminated group/) });
    expect((await search({ path: root })).error?.code).toBe('INVALID_REQUEST');
    expect((await search({ path: root, name: 'x', mode: 'fuzzy' })).error?.message).toMatch(/mode must be one of text, glob, regex/);
    expect((await search({ path: `${root}/nope`, name: 'x' })).status).toBe(404);
    expect((await search({ path: 'relative', name: 'x' })).error?.code).toBe('INVALID_PATH');
  });

  it('bounds a catastrophic regex: the value is skipped, and a pattern slow on many values stops', async () => {
    let t0 = performance.now();
    const one = await search({ path: `${root}/slow`, data: '(a+)+$', mode: 'regex' });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(paths(one)).toEqual(['data /slow/fine']);
    expect(one.done!.skipped.timeout).toBe(1);
    t0 = performance.now();
    const many = await search({ path: `${root}/slower`, data: '(a+)+$', mode: 'regex' });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(many.done).toBeUndefined();
    expect(many.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/ran longer than 100 ms on 3 values/) });
  });
});

describe('search cancellation', () => {
  const NODES = 3000;
  const big = '/cancel';

  beforeAll(async () => {
    ownRaw = await connectRaw(own.connectString);
    await ownRaw.create(big, '', 0);
    const names = Array.from({ length: NODES }, (_, i) => `${big}/n${i}`);
    for (let i = 0; i < names.length; i += 500) await Promise.all(names.slice(i, i + 500).map((p) => ownRaw.create(p, 'value', 0)));
  }, 120_000);

  const packetsReceived = async () => Number(/zk_packets_received\s+(\d+)/.exec(await fourLetterWord(own.clientPort, 'mntr'))![1]);

  it('stops reading within 100 ms of the client going away', async () => {
    const full = await search({ path: big, data: 'value', limit: 10_000 }, 'own');
    expect(full.done!.scanned).toBe(NODES + 1);

    const client = new AbortController();
    const res = await searchRoute.GET(new Request(`http://127.0.0.1:3000/api/v1/connections/own/search?path=${big}&data=value&limit=10000`, { signal: client.signal }), { params: Promise.resolve({ id: 'own' }) });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    // Well into the walk: the first progress line comes after 100 ms.
    while (!seen.includes('"progress"')) seen += (await reader.read()).value ?? '';
    client.abort();
    const before = await packetsReceived();
    await new Promise((r) => setTimeout(r, 100));
    const settled = await packetsReceived();
    await new Promise((r) => setTimeout(r, 500));
    const after = await packetsReceived();
    console.log(`packets: ${before} when aborted, +${settled - before} within 100 ms, +${after - settled} in the next 500 ms`);
    // At most the requests in flight when the client left reach the server after it.
    expect(settled - before).toBeLessThanOrEqual(2 * 64 + 2);
    expect(after - settled).toBeLessThanOrEqual(1);
    // Far fewer than the whole walk's two thousand-odd reads.
    expect(after - before).toBeLessThan(NODES / 2);
    await reader.cancel().catch(() => undefined);
  });
});
