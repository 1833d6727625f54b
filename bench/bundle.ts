/**
 * Browser bundle benchmark, in Chromium against the built app (`next start`) and a real ZooKeeper
 * holding the demo namespace.
 *
 * 1. JavaScript per page: the uncompressed bytes of every script response a fresh browser context
 *    fetches from navigation until the network is idle plus 3 s (so lazy chunks count). Baseline:
 *    the smallest page measured, i.e. what the framework and the app shell cost on their own.
 * 2. Time to first tree row on the browse page of a JSON node: from navigation until the first
 *    tree row exists, with an empty cache (median of several loads). Baseline: the same with the
 *    scripts already cached, so the ratio is what downloading and compiling them costs.
 *
 * Targets: browse ≤ 900 KiB, ensemble and kafka ≤ 600 KiB, every other page ≤ 500 KiB.
 * `npm run bench -- bundle --chunks` also lists each page's scripts, largest first.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureChromium } from '@/scripts/lib/deps';
import { startApp, type AppServer } from '@/scripts/lib/app-server';
import { ensureBuild } from '@/scripts/lib/next-build';
import { seedDemo } from '@/scripts/lib/seed-demo';

const KiB = 1024;
const IDLE_MS = 500;
const SETTLE_MS = 3000;
const IDLE_TIMEOUT_MS = 30_000;
const ROW_RUNS = 5;

interface PageSpec {
  label: string;
  path: string;
  targetKiB: number;
}

const BROWSE_JSON: PageSpec = { label: 'browse (JSON node)', path: '/c/default/browse/apps/orders/config.json', targetKiB: 900 };
const PAGES: PageSpec[] = [
  BROWSE_JSON,
  { label: 'browse (root)', path: '/c/default/browse', targetKiB: 900 },
  { label: 'ensemble', path: '/c/default/ensemble', targetKiB: 600 },
  { label: 'kafka', path: '/c/default/kafka', targetKiB: 600 },
  { label: 'events', path: '/c/default/events', targetKiB: 500 },
  { label: 'audit', path: '/c/default/audit', targetKiB: 500 },
  { label: 'connections', path: '/connections', targetKiB: 500 },
  { label: 'signin', path: '/signin', targetKiB: 500 },
];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const kib = (bytes: number) => `${(bytes / KiB).toFixed(0)} KiB`;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Resolves once no request has been in flight for IDLE_MS. Event streams stay open for as long as
 * the page does, so they do not count as traffic.
 */
function networkIdle(page: Page): Promise<void> {
  let inFlight = 0;
  let idleSince = Date.now();
  const counted = (r: { resourceType(): string }) => r.resourceType() !== 'eventsource';
  page.on('request', (r) => {
    if (counted(r)) inFlight++;
  });
  const done = (r: { resourceType(): string }) => {
    if (!counted(r)) return;
    inFlight--;
    if (inFlight === 0) idleSince = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return (async () => {
    const deadline = Date.now() + IDLE_TIMEOUT_MS;
    while (!(inFlight === 0 && Date.now() - idleSince >= IDLE_MS)) {
      if (Date.now() > deadline) throw new Error(`${page.url()}: the network was never idle for ${IDLE_MS} ms`);
      await sleep(50);
    }
  })();
}

/** Every script the page fetches until the network is idle plus SETTLE_MS: URL → uncompressed bytes. */
async function scriptBytes(browser: Browser, url: string): Promise<Map<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    const reads: Promise<void>[] = [];
    page.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (res.request().resourceType() !== 'script' && !type.includes('javascript')) return;
      // The body as the page received it after content decoding: the bytes the engine parses.
      reads.push(res.body().then((b) => void sizes.set(res.url(), b.length), () => undefined));
    });
    const idle = networkIdle(page);
    await page.goto(url, { waitUntil: 'commit' });
    await idle;
    await sleep(SETTLE_MS);
    await Promise.all(reads);
    return sizes;
  } finally {
    await context.close();
  }
}

/** In the page's clock (0 = navigation start): when the first tree row exists. */
function installRowProbe(): void {
  const w = window as unknown as { __firstRow: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('[role="treeitem"]')) {
      w.__firstRow = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
}

async function firstRowMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => (window as unknown as { __firstRow?: number }).__firstRow, undefined, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Cold: a fresh context (empty cache) for every load. Warm: one context, after one load to fill its cache. */
async function firstRowTimes(browser: Browser, url: string): Promise<{ cold: number[]; warm: number[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const warmContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await warmContext.addInitScript(installRowProbe);
  const warmPage = await warmContext.newPage();
  await firstRowMs(warmPage, url);
  try {
    // Alternating, so that neither gets a quieter machine.
    for (let run = 0; run < ROW_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript(installRowProbe);
      try {
        cold.push(await firstRowMs(await context.newPage(), url));
      } finally {
        await context.close();
      }
      warm.push(await firstRowMs(warmPage, url));
    }
  } finally {
    await warmContext.close();
  }
  return { cold, warm };
}

export async function runBundleBench(connectString: string): Promise<void> {
  const listChunks = process.argv.includes('--chunks');
  await ensureBuild();
  const seeded = await seedDemo(connectString);
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  try {
    app = await startApp(connectString);
    browser = await chromium.launch({
      executablePath: ensureChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // Compiles and warms the server's routes, so that the first measured page is not the slowest.
    for (const p of PAGES) await scriptBytes(browser, `${app.baseURL}${p.path}`);
    const measured = [];
    for (const p of PAGES) measured.push({ ...p, scripts: await scriptBytes(browser, `${app.baseURL}${p.path}`) });
    const totals = measured.map((m) => [...m.scripts.values()].reduce((a, b) => a + b, 0));
    const base = Math.min(...totals);
    console.log('JavaScript per page (uncompressed, until network idle + 3 s; baseline: the smallest page):');
    measured.forEach((m, i) => {
      const total = totals[i];
      const ratio = total === base ? '(baseline)' : `${(total / base).toFixed(2)}× baseline`;
      const verdict = total <= m.targetKiB * KiB ? 'met' : 'MISSED';
      console.log(`  ${m.label.padEnd(20)} ${kib(total).padStart(9)} in ${String(m.scripts.size).padStart(2)} scripts  ${ratio.padEnd(16)} target ≤ ${m.targetKiB} KiB: ${verdict}`);
      if (listChunks) {
        for (const [url, bytes] of [...m.scripts].sort((a, b) => b[1] - a[1])) console.log(`      ${kib(bytes).padStart(9)}  ${new URL(url).pathname}`);
      }
    });
    const rows = await firstRowTimes(browser, `${app.baseURL}${BROWSE_JSON.path}`);
    const cold = median(rows.cold);
    const warm = median(rows.warm);
    console.log(`Time to first tree row, ${BROWSE_JSON.path} (${ROW_RUNS} loads each):`);
    console.log(`  empty cache:   median ${cold.toFixed(0)} ms, max ${Math.max(...rows.cold).toFixed(0)} ms  ${(cold / warm).toFixed(2)}× baseline`);
    console.log(`  scripts cached: median ${warm.toFixed(0)} ms, max ${Math.max(...rows.warm).toFixed(0)} ms  (baseline)`);
  } finally {
    await browser?.close();
    await app?.stop();
    seeded.session.close();
  }
}
