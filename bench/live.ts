/**
 * Live-update benchmark, against the built app (`next start`) and a real ZooKeeper:
 *
 * 1. Write → DOM latency: a separate client changes a node 500 times, one change at a time; the
 *    time until the open node page in Chromium shows each value. Baseline, measured on the same
 *    writes: a raw ZooKeeper watch on the node (the floor any watch-based UI starts from).
 * 2. Fan-out: 200 event-stream clients, each subscribed to the same 50 nodes, while the nodes
 *    change 1,000 times a second for 30 s. Reported: whether every client ends with every node's
 *    final value, latency of what is delivered (coalesced intermediate values are not delivered,
 *    by design), and the app server's resident memory against its idle size.
 *
 * Targets on this machine: p50 < 50 ms, p99 < 200 ms, 100 % of final states, RSS < 300 MB.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { ZkSession } from '@/lib/zk/session';
import { CREATE_FLAGS, type ZkHandle } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { CHROMIUM_PATH } from '@/scripts/lib/deps';
import { ensureBuild } from '@/scripts/lib/next-build';
import { startApp, type AppServer } from '@/scripts/lib/app-server';
import { ClientProcess, Histogram, now } from './live-clients';
import { percentile, rssMb } from './measure';

const LATENCY_CHANGES = 500;
const LATENCY_WARMUP = 20;
const FAN_CLIENTS = 200;
/** The clients run in this many processes of their own. */
const CLIENT_PROCESSES = 2;
const FAN_PATHS = 50;
const FAN_RATE = 1000;
const FAN_SECONDS = 30;
const MAX_IN_FLIGHT = 500;
const TARGET = { p50: 50, p99: 200, rssMb: 300 };

const root = `/bench-live-${process.pid}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const vs = (value: number, target: number, unit: string) =>
  `${value.toFixed(1)} ${unit} (target < ${target} ${unit}: ${value < target ? 'met' : 'MISSED'}, ${(value / target).toFixed(2)}× target)`;

async function ensureNode(h: ZkHandle, path: string, value: string): Promise<void> {
  try {
    await h.create(path, Buffer.from(value), CREATE_FLAGS.persistent);
  } catch (e) {
    if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
    await h.set(path, Buffer.from(value), -1);
  }
}

async function latencyBench(app: AppServer, writer: ZkHandle, watcher: ZkHandle): Promise<void> {
  const path = `${root}/latency`;
  await ensureNode(writer, path, '{"seq":0}');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${app.baseURL}/c/default/browse${path}`);
    await page.getByRole('status', { name: /^ZooKeeper session: Connected/ }).waitFor();
    const editor = page.getByRole('textbox', { name: 'Data' });
    await editor.filter({ hasText: '"seq":0' }).waitFor();
    // The page notes when each value first shows in the editor.
    await page.evaluate(() => {
      const el = document.querySelector('[aria-label="Data"]')!;
      const seen: Record<number, number> = {};
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const m = /"seq":(\d+)/.exec(el.textContent ?? '');
        if (m && seen[Number(m[1])] === undefined) seen[Number(m[1])] = performance.timeOrigin + performance.now();
      }).observe(el, { subtree: true, childList: true, characterData: true });
    });

    // Baseline: a raw watch on the same node, re-armed after every notification.
    const rawSeen = new Map<number, number>();
    let current = 0;
    let watching = true;
    const arm = () => void watcher.exists(path, () => {
      if (!rawSeen.has(current)) rawSeen.set(current, now());
      if (watching) arm();
    });
    arm();

    const written = new Map<number, number>();
    for (let seq = 1; seq <= LATENCY_WARMUP + LATENCY_CHANGES; seq++) {
      current = seq;
      written.set(seq, now());
      await writer.set(path, Buffer.from(`{"seq":${seq}}`), -1);
      await page.waitForFunction((s) => (window as unknown as { __seen: Record<number, number> }).__seen[s] !== undefined, seq, { polling: 'raf' });
    }
    watching = false;
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<number, number> }).__seen);
    const measured = [...written.keys()].filter((s) => s > LATENCY_WARMUP);
    const dom = measured.map((s) => seen[s] - written.get(s)!).sort((a, b) => a - b);
    const raw = measured.filter((s) => rawSeen.has(s)).map((s) => rawSeen.get(s)! - written.get(s)!).sort((a, b) => a - b);
    const [rawP50, rawP99] = [percentile(raw, 50), percentile(raw, 99)];
    const [p50, p99] = [percentile(dom, 50), percentile(dom, 99)];
    console.log(`write → DOM latency over ${dom.length} changes (baseline: raw ZooKeeper watch on the same writes, p50 ${rawP50.toFixed(1)} ms, p99 ${rawP99.toFixed(1)} ms)`);
    console.log(`  p50 ${vs(p50, TARGET.p50, 'ms')}; ${(p50 / rawP50).toFixed(1)}× baseline`);
    console.log(`  p99 ${vs(p99, TARGET.p99, 'ms')}; ${(p99 / rawP99).toFixed(1)}× baseline`);
    console.log(`  machine load average over the last minute: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  } finally {
    await browser.close();
  }
}

async function fanOutBench(app: AppServer, writer: ZkHandle): Promise<void> {
  const paths = Array.from({ length: FAN_PATHS }, (_, i) => `${root}/fan/p${String(i).padStart(2, '0')}`);
  await ensureNode(writer, `${root}/fan`, '');
  for (const p of paths) await ensureNode(writer, p, JSON.stringify({ seq: 0, t: now() }));
  await sleep(1000);
  const idleRss = rssMb(app.pid);

  const perProcess = FAN_CLIENTS / CLIENT_PROCESSES;
  const clientProcesses = await Promise.all(Array.from({ length: CLIENT_PROCESSES }, () => ClientProcess.start(app.baseURL, paths, perProcess)));
  const connectedRss = rssMb(app.pid);

  let maxRss = connectedRss;
  const rssTimer = setInterval(() => (maxRss = Math.max(maxRss, rssMb(app.pid))), 250);
  const finalSeq = new Map<string, number>();
  let seq = 0;
  let inFlight = 0;
  let failed = 0;
  const write = (path: string, extra = '') => {
    const s = ++seq;
    inFlight++;
    return writer
      .set(path, Buffer.from(`{"seq":${s},"t":${now()}${extra}}`), -1)
      .catch(() => void failed++)
      .finally(() => inFlight--)
      .then(() => s);
  };
  const start = now();
  const end = start + FAN_SECONDS * 1000;
  let writes = 0;
  while (now() < end) {
    const due = Math.floor(((now() - start) / 1000) * FAN_RATE) - writes;
    for (let i = 0; i < due && inFlight < MAX_IN_FLIGHT; i++) void write(paths[writes++ % FAN_PATHS]);
    await sleep(5);
  }
  while (inFlight > 0) await sleep(5);
  const elapsed = (now() - start) / 1000;
  for (const p of paths) finalSeq.set(p, await write(p, ',"final":true'));

  const results = await Promise.all(clientProcesses.map((c) => c.finish(finalSeq, 15_000)));
  const finalAt = (now() - end) / 1000;
  clearInterval(rssTimer);
  maxRss = Math.max(maxRss, rssMb(app.pid));
  const latencies = new Histogram();
  for (const r of results) latencies.merge(r.latencies);
  const delivered = results.reduce((n, r) => n + r.delivered, 0);
  const clientCpu = Math.max(...results.map((r) => r.cpuMs)) / 1000 / elapsed;

  const got = results.reduce((n, r) => n + r.complete, 0);
  const total = FAN_CLIENTS * FAN_PATHS;
  console.log(
    `fan-out: ${FAN_CLIENTS} streams × ${FAN_PATHS} nodes, ${writes} changes in ${elapsed.toFixed(1)} s (${(writes / elapsed).toFixed(0)}/s of ${FAN_RATE}/s asked${failed ? `, ${failed} writes failed` : ''})`,
  );
  console.log(
    `  delivered ${delivered} events (${((delivered / (writes * FAN_CLIENTS)) * 100).toFixed(1)} % of one per change per stream; the rest coalesced); busiest client process used ${(clientCpu * 100).toFixed(0)} % of a core`,
  );
  console.log(`  final states: ${got}/${total} = ${((got / total) * 100).toFixed(2)} % (target 100 %: ${got === total ? 'met' : 'MISSED'}), ${got === total ? 'all in' : 'waited'} ${finalAt.toFixed(1)} s after the last change`);
  console.log(`  latency of delivered events: p50 ${latencies.percentile(50).toFixed(1)} ms, p99 ${vs(latencies.percentile(99), TARGET.p99, 'ms')}`);
  console.log(`  machine load average over the last minute: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (other processes compete for them)`);
  console.log(
    `  app server RSS: idle ${idleRss.toFixed(0)} MB (baseline), ${connectedRss.toFixed(0)} MB with the streams open, peak ${vs(maxRss, TARGET.rssMb, 'MB')}; ${(maxRss / idleRss).toFixed(2)}× baseline`,
  );
}

export async function runLiveBench(connectString: string): Promise<void> {
  await ensureBuild();
  const app = await startApp(connectString);
  const config = (id: string) => ({ id, name: id, connectString, sessionTimeoutMs: 30_000, readOnly: false });
  const writerSession = new ZkSession(config('bench-writer'));
  const watcherSession = new ZkSession(config('bench-watcher'));
  try {
    const writer = await writerSession.ready();
    await ensureNode(writer, root, '');
    await latencyBench(app, writer, await watcherSession.ready());
    await fanOutBench(app, writer);
  } finally {
    writerSession.close();
    watcherSession.close();
    await app.stop();
  }
}
