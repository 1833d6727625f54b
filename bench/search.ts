/**
 * Search benchmark: the search route (in-process: auth, walk, matching, NDJSON) against a raw
 * walk with the binding in the same run on the same ZooKeeper.
 *
 * 1. Data search of a 10,101-node subtree (1 + 100 + 100×100, 100-byte values) against a raw
 *    pipelined walk that reads every node's value and children (get + getChildren). Target ≤ 1.5×.
 * 2. First match, for a node near the top: from the request until its match line arrives. Target < 200 ms.
 * 3. Name-only search against a raw getChildren-only walk. Target ≤ 1.2×.
 * 4. The server's RSS growth while searching (data, then names) under a node with 100,000 children. Target < 100 MB.
 */
import * as searchRoute from '@/app/api/v1/connections/[id]/search/route';
import { closeAllSessions } from '@/lib/zk/registry';
import { ZkSession } from '@/lib/zk/session';
import { filler, IN_FLIGHT, median, rawCreate, rawWalk, timed, verdict } from './raw-baselines';

const RUNS = 5;
const root = `/bench-search-${process.pid}`;
const tree = `${root}/tree`;
const wide = `${root}/wide`;
const WIDE_CHILDREN = 100_000;
const MB = 1024 * 1024;

const create = rawCreate;

async function makeData(session: ZkSession): Promise<void> {
  await create(session, [[root, '']]);
  // The top node's value holds the term the first-match figure looks for.
  await create(session, [[tree, `${filler(0).slice(0, 80)}needle-top"}`]]);
  await create(session, Array.from({ length: 100 }, (_, i): [string, string] => [`${tree}/p${i}`, filler(i)]));
  const leaves: Array<[string, string]> = [];
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) leaves.push([`${tree}/p${i}/c${j}`, i * 100 + j === 7777 ? `${filler(1).slice(0, 80)}needle-deep"}` : filler(i * 100 + j)]);
  await create(session, leaves);
  await create(session, [[wide, '']]);
  await create(session, Array.from({ length: WIDE_CHILDREN }, (_, i): [string, string] => [`${wide}/w-${String(i).padStart(6, '0')}`, filler(i)]));
}

interface Run {
  ms: number;
  firstMatchMs: number | null;
  scanned: number;
  matches: number;
}

async function search(params: Record<string, string>, onTick?: () => void): Promise<Run> {
  const t0 = performance.now();
  const url = `http://127.0.0.1:3000/api/v1/connections/default/search?${new URLSearchParams({ limit: '10000', ...params })}`;
  const res = await searchRoute.GET(new Request(url), { params: Promise.resolve({ id: 'default' }) });
  if (!res.ok) throw new Error(`search failed: ${await res.text()}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let firstMatchMs: number | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    onTick?.();
    if (firstMatchMs === null && value.includes('"match"')) firstMatchMs = performance.now() - t0;
    buffered += value;
  }
  const last = JSON.parse(buffered.trim().split('\n').pop()!);
  if (!last.done) throw new Error(`search did not finish: ${JSON.stringify(last)}`);
  return { ms: performance.now() - t0, firstMatchMs, scanned: last.done.scanned, matches: last.done.matches };
}

/** Peak RSS growth over a search, sampled on every chunk of the answer and every 20 ms. */
async function rssGrowth(params: Record<string, string>): Promise<{ mb: number; run: Run }> {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(sample, 20);
  try {
    const run = await search(params, sample);
    return { mb: (peak - before) / MB, run };
  } finally {
    clearInterval(timer);
  }
}

export async function runSearchBench(connectString: string): Promise<void> {
  process.env.ZK_CONNECT = connectString;
  delete process.env.ZOOSCOPE_CONFIG;
  delete process.env.ZOOSCOPE_USERS_FILE;
  const session = new ZkSession({ id: 'bench-search', name: 'bench-search', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  try {
    await session.ready();
    const createMs = await timed(() => makeData(session));
    console.log(`made 10,101 + ${WIDE_CHILDREN.toLocaleString()} nodes in ${(createMs / 1000).toFixed(1)} s`);

    // Warm-up of both sides (JIT, the route's session).
    await rawWalk(session, tree, true);
    await search({ path: tree, data: 'needle' });

    const raw: number[] = [];
    const ours: number[] = [];
    const first: number[] = [];
    const rawNames: number[] = [];
    const oursNames: number[] = [];
    let checked: Run | null = null;
    for (let i = 0; i < RUNS; i++) {
      raw.push(await timed(() => rawWalk(session, tree, true)));
      const run = await search({ path: tree, data: 'needle' });
      ours.push(run.ms);
      first.push(run.firstMatchMs ?? Infinity);
      checked = run;
      rawNames.push(await timed(() => rawWalk(session, tree, false)));
      oursNames.push((await search({ path: tree, name: 'c77' })).ms);
    }
    if (checked?.scanned !== 10_101 || checked.matches !== 2) throw new Error(`data search saw ${checked?.scanned} nodes and ${checked?.matches} matches; expected 10101 and 2`);
    const dataRatio = median(ours) / median(raw);
    const nameRatio = median(oursNames) / median(rawNames);
    console.log(`raw pipelined walk (get + getChildren, ${IN_FLIGHT} nodes in flight) of 10,101 nodes: ${median(raw).toFixed(0)} ms (baseline)`);
    console.log(`data search of the same subtree: ${median(ours).toFixed(0)} ms = ${dataRatio.toFixed(2)}× baseline; target ≤ 1.5×: ${verdict(dataRatio <= 1.5)}`);
    console.log(`first match (the top node): median ${median(first).toFixed(0)} ms, max ${Math.max(...first).toFixed(0)} ms after the request; target < 200 ms: ${verdict(Math.max(...first) < 200)}`);
    console.log(`raw getChildren-only walk of 10,101 nodes: ${median(rawNames).toFixed(0)} ms (baseline)`);
    console.log(`name-only search of the same subtree: ${median(oursNames).toFixed(0)} ms = ${nameRatio.toFixed(2)}× baseline; target ≤ 1.2×: ${verdict(nameRatio <= 1.2)}`);

    for (const [label, params] of [
      ['data', { path: wide, data: 'needle' }],
      ['names', { path: wide, name: 'w-0999' }],
    ] as const) {
      const { mb, run } = await rssGrowth(params);
      console.log(`RSS growth, ${label} search under ${WIDE_CHILDREN.toLocaleString()} children (${run.scanned.toLocaleString()} scanned in ${(run.ms / 1000).toFixed(1)} s): ${mb.toFixed(1)} MB; target < 100 MB: ${verdict(mb < 100)}`);
    }
  } finally {
    session.close();
    closeAllSessions();
  }
}
