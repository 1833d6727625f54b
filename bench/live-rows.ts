/**
 * Live rows benchmark (issue 16), in Chromium against the built app and a real ZooKeeper:
 *
 * 1. Watches against rows on screen: the tree scrolls through a node with 100,000 children, a
 *    settle at each of 40 places; the ZooKeeper server's watch count (`mntr`) is read at each
 *    and once the released watches have left. Reported as a ratio against the node rows the tree
 *    renders (its window plus overscan), measured in the same run.
 * 2. Write → row latency for a child count: another client adds and removes a child under a
 *    collapsed row on screen, 200 times; the time until the row's count changes in the DOM.
 *    Baseline: a raw ZooKeeper children watch on the same row, on the same writes.
 *
 * Targets: once scrolling stops, watches at most 2× the rows on screen plus the expanded nodes
 * (while scrolling, released watches also stay dormant for the hub's 5 s, at most 1,000, so that
 * scrolling back reuses them); p50 < 50 ms.
 */
import { chromium } from '@playwright/test';
import { ZkSession } from '@/lib/zk/session';
import { browseHref } from '@/lib/client/urls';
import { CHROMIUM_PATH } from '@/scripts/lib/deps';
import { startApp } from '@/scripts/lib/app-server';
import { ensureBuild } from '@/scripts/lib/next-build';
import { watchCount } from '@/scripts/lib/zk-server';
import { now } from './live-clients';
import { percentile } from './measure';
import { rawCreate } from './raw-baselines';

const CHILDREN = 100_000;
const STOPS = 40;
const TOGGLES = 200;
const WARMUP = 10;
const TARGET = { watchRatio: 2, p50: 50 };
const root = `/bench-rows-${process.pid}`;
const big = `${root}/big`;
const nameOf = (i: number) => `n-${String(i).padStart(6, '0')}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function runLiveRowsBench(connectString: string): Promise<void> {
  await ensureBuild();
  const port = Number(connectString.split(',')[0].split(':')[1]);
  const writer = new ZkSession({ id: 'bench-writer', name: 'bench-writer', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  const watcher = new ZkSession({ id: 'bench-watcher', name: 'bench-watcher', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  await rawCreate(writer, [[root, ''], [big, ''], ...Array.from({ length: CHILDREN }, (_, i): [string, string] => [`${big}/${nameOf(i)}`, ''])]);
  const app = await startApp(connectString);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const before = await watchCount(port);
    await page.goto(`${app.baseURL}${browseHref('default', big)}`);
    await page.getByRole('status', { name: /^ZooKeeper session: Connected/ }).waitFor();
    const tree = page.getByRole('tree', { name: 'Namespace' });
    await tree.getByRole('treeitem', { name: nameOf(0), exact: true }).waitFor();
    const scroller = tree.locator('xpath=ancestor::div[contains(@class,"overflow-auto")][1]');

    // 1. Scroll through the 100,000 and count the server's watches at each stop.
    const expanded = (await tree.getByRole('treeitem', { expanded: true }).count()) + 1;
    let peak = 0;
    let rows = 0;
    for (let stop = 0; stop < STOPS; stop++) {
      await scroller.evaluate((e, f) => (e.scrollTop = f * (e.scrollHeight - e.clientHeight)), stop / (STOPS - 1));
      await sleep(400);
      rows = Math.max(rows, await tree.getByRole('treeitem').count());
      peak = Math.max(peak, (await watchCount(port)) - before);
    }
    await sleep(7000); // the release delay and the hub's dormant period
    const settled = (await watchCount(port)) - before;
    const ratio = (n: number) => n / (rows + expanded);
    console.log(`server watches while scrolling through ${CHILDREN.toLocaleString()} children at ${STOPS} stops (baseline: ${rows} node rows rendered + ${expanded} expanded nodes)`);
    console.log(`  settled ${settled} watches: ${ratio(settled).toFixed(2)}× the rows (target < ${TARGET.watchRatio}×: ${ratio(settled) < TARGET.watchRatio ? 'met' : 'MISSED'})`);
    console.log(`  peak while scrolling ${peak} watches: ${ratio(peak).toFixed(2)}× the rows (the dormant ones of the last 5 s included; unreleased it would be ${STOPS}×)`);

    // 2. Write → row: a child appears and disappears under a collapsed row on screen.
    await scroller.evaluate((e) => (e.scrollTop = 0));
    const rowName = nameOf(3);
    const rowPath = `${big}/${rowName}`;
    await tree.getByRole('treeitem', { name: rowName, exact: true }).waitFor();
    await sleep(1500);
    await page.evaluate((path) => {
      const seen: number[] = [];
      (window as unknown as { __seen: number[] }).__seen = seen;
      let last = false;
      new MutationObserver(() => {
        const row = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
        const has = Boolean(row?.getAttribute('aria-expanded'));
        if (has !== last) seen.push(performance.timeOrigin + performance.now());
        last = has;
      }).observe(document.querySelector('[role="tree"]')!, { subtree: true, childList: true, attributes: true, characterData: true });
    }, rowPath);
    const raw: number[] = [];
    const arm = () => void watcher.run((h) => h.children(rowPath, () => void (raw.push(now()), arm())));
    arm();
    await sleep(200);
    const written: number[] = [];
    for (let i = 0; i < WARMUP + TOGGLES; i++) {
      written.push(now());
      if (i % 2 === 0) await writer.run((h) => h.create(`${rowPath}/x`, Buffer.alloc(0), 0));
      else await writer.run((h) => h.delete(`${rowPath}/x`, -1));
      await page.waitForFunction((n) => (window as unknown as { __seen: number[] }).__seen.length >= n, i + 1, { polling: 'raf' });
    }
    const seen = await page.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    const dom = written.slice(WARMUP).map((t, i) => seen[i + WARMUP] - t).sort((a, b) => a - b);
    const base = written.slice(WARMUP).map((t, i) => raw[i + WARMUP] - t).filter(Number.isFinite).sort((a, b) => a - b);
    const [p50, p99, rawP50] = [percentile(dom, 50), percentile(dom, 99), percentile(base, 50)];
    console.log(`write → row count latency over ${dom.length} creates and deletes (baseline: raw children watch on the same row, p50 ${rawP50.toFixed(1)} ms)`);
    console.log(`  p50 ${p50.toFixed(1)} ms (target < ${TARGET.p50} ms: ${p50 < TARGET.p50 ? 'met' : 'MISSED'}); ${(p50 / rawP50).toFixed(1)}× baseline; p99 ${p99.toFixed(1)} ms`);
  } finally {
    await browser.close();
    await app.stop();
    writer.close();
    watcher.close();
  }
}
