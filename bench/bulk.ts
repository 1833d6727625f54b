/**
 * Bulk benchmark: the export, import and copy routes (in-process: auth, walk or file, plan,
 * transactions, NDJSON) against the raw binding in the same run on the same ZooKeeper.
 *
 * On a subtree of 1 + 100 + 100×100 = 10,101 nodes with 100-byte values:
 * 1. Export against a raw pipelined walk (get + getChildren). Target ≤ 1.5×.
 * 2. Import of its export file against raw pipelined creates of the same nodes. Target ≤ 2×.
 * 3. Copy against the raw walk plus the raw creates. Target ≤ 2×.
 * 4. The server's RSS growth while exporting 100,000 nodes (read as fast as they come). Target < 100 MB.
 */
import * as copyRoute from '@/app/api/v1/connections/[id]/copy/route';
import * as exportRoute from '@/app/api/v1/connections/[id]/export/route';
import * as importRoute from '@/app/api/v1/connections/[id]/import/route';
import { closeAllSessions } from '@/lib/zk/registry';
import { ZkSession } from '@/lib/zk/session';
import { filler, median, rawCreate, rawWalk, timed, treeNodes, verdict } from './raw-baselines';

const RUNS = 3;
const WIDE_CHILDREN = 100_000;
const MB = 1024 * 1024;
const root = `/bench-bulk-${process.pid}`;
const tree = `${root}/tree`;
const params = { params: Promise.resolve({ id: 'default' }) };
const url = (route: string, query: Record<string, string> = {}) => `http://127.0.0.1:3000/api/v1/connections/default/${route}?${new URLSearchParams(query)}`;

/** Reads an answer to its end, sampling on each chunk; answers its text when asked to keep it. */
async function drain(res: Response, keep: boolean, onChunk?: () => void): Promise<string> {
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    onChunk?.();
    if (keep) parts.push(next.value);
  }
  return parts.join('');
}

const exportOf = (path: string, keep = false, onChunk?: () => void) => exportRoute.GET(new Request(url('export', { path })), params).then((r) => drain(r, keep, onChunk));

async function expectResult(res: Response, created: number): Promise<void> {
  const last = JSON.parse((await drain(res, true)).trim().split('\n').pop()!);
  if (last.result?.created !== created) throw new Error(`expected ${created} created: ${JSON.stringify(last).slice(0, 300)}`);
}

const importAt = (path: string, file: string) =>
  importRoute.POST(new Request(url('import', { path }), { method: 'POST', body: file }), params).then((r) => expectResult(r, 10_101));

const copyTo = (to: string) =>
  copyRoute
    .POST(new Request(url('copy'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: tree, to }) }), params)
    .then((r) => expectResult(r, 10_101));

export async function runBulkBench(connectString: string): Promise<void> {
  process.env.ZK_CONNECT = connectString;
  delete process.env.ZOOSCOPE_CONFIG;
  delete process.env.ZOOSCOPE_USERS_FILE;
  const session = new ZkSession({ id: 'bench-bulk', name: 'bench-bulk', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  try {
    await session.ready();
    await rawCreate(session, [[root, '']]);
    await rawCreate(session, treeNodes(tree));
    // Warm-up of both sides (JIT, the routes' session).
    await rawWalk(session, tree, true);
    const file = await exportOf(tree, true);
    await importAt(`${root}/warm-import`, file);

    const t = { walk: [] as number[], exp: [] as number[], creates: [] as number[], imp: [] as number[], copy: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      t.walk.push(await timed(() => rawWalk(session, tree, true)));
      t.exp.push(await timed(() => exportOf(tree)));
      t.creates.push(await timed(() => rawCreate(session, treeNodes(`${root}/raw-${i}`))));
      t.imp.push(await timed(() => importAt(`${root}/import-${i}`, file)));
      t.copy.push(await timed(() => copyTo(`${root}/copy-${i}`)));
    }
    const walk = median(t.walk);
    const creates = median(t.creates);
    const exportRatio = median(t.exp) / walk;
    const importRatio = median(t.imp) / creates;
    const copyRatio = median(t.copy) / (walk + creates);
    console.log(`raw pipelined walk (get + getChildren) of 10,101 nodes: ${walk.toFixed(0)} ms (baseline)`);
    console.log(`export of the same subtree (${(file.length / MB).toFixed(1)} MB): ${median(t.exp).toFixed(0)} ms = ${exportRatio.toFixed(2)}× baseline; target ≤ 1.5×: ${verdict(exportRatio <= 1.5)}`);
    console.log(`raw pipelined creates of 10,101 nodes: ${creates.toFixed(0)} ms (baseline)`);
    console.log(`import of its export file: ${median(t.imp).toFixed(0)} ms = ${importRatio.toFixed(2)}× baseline; target ≤ 2×: ${verdict(importRatio <= 2)}`);
    console.log(`copy of the subtree: ${median(t.copy).toFixed(0)} ms = ${copyRatio.toFixed(2)}× (raw walk + raw creates); target ≤ 2×: ${verdict(copyRatio <= 2)}`);

    const wide = `${root}/wide`;
    await rawCreate(session, [[wide, ''], ...Array.from({ length: WIDE_CHILDREN }, (_, i): [string, string] => [`${wide}/w-${String(i).padStart(6, '0')}`, filler(i)])]);
    globalThis.gc?.();
    const before = process.memoryUsage.rss();
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
    const timer = setInterval(sample, 20);
    const ms = await timed(() => exportOf(wide, false, sample)).finally(() => clearInterval(timer));
    const mb = (peak - before) / MB;
    console.log(`RSS growth, export of ${(WIDE_CHILDREN + 1).toLocaleString()} nodes (${(ms / 1000).toFixed(1)} s): ${mb.toFixed(1)} MB; target < 100 MB: ${verdict(mb < 100)}`);
  } finally {
    session.close();
    closeAllSessions();
  }
}
