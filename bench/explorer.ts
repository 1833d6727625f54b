/**
 * Explorer benchmark, in Chromium against the built app (`next start`) and a real ZooKeeper.
 *
 * 1. First rows: from navigation to a node's URL until its first child row is in the tree
 *    (a fresh page load), and from a click on the node in the tree until its first child row
 *    shows (expanding inside the app).
 * 2. Filter: from each keystroke in the node's filter box until the tree is repainted with the
 *    rows of the new prefix (the first matching name, and the list's size as the server counts it).
 *
 * Each figure for a node with 100,000 children is reported next to the same figure for a node
 * with 100 children, measured in the same run (the baseline). Targets on this machine: first rows
 * under 1 s, filter keystroke to repaint under 50 ms.
 */
import { chromium, type Page } from '@playwright/test';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { ZkSession } from '@/lib/zk/session';
import { browseHref } from '@/lib/client/urls';
import { CHROMIUM_PATH } from '@/scripts/lib/deps';
import { startApp } from '@/scripts/lib/app-server';
import { ensureBuild } from '@/scripts/lib/next-build';

const RUNS = 7;
const WARMUP = 2;
const TARGET = { firstRowsMs: 1000, filterMs: 50 };
const root = `/bench-explorer-${process.pid}`;
const nameOf = (i: number) => `n-${String(i).padStart(6, '0')}`;

interface Subject {
  label: string;
  path: string;
  size: number;
  /** Typed into the filter, one key at a time, then erased again. */
  typed: string;
}

const SUBJECTS: Subject[] = [
  { label: '100 children', path: `${root}/small`, size: 100, typed: 'n-00009' },
  { label: '100,000 children', path: `${root}/big`, size: 100_000, typed: 'n-04219' },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function p95(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))];
}

const verdict = (ms: number, target: number) => `target < ${target} ms: ${ms < target ? 'met' : 'MISSED'}`;

async function createChildren(session: ZkSession, subject: Subject): Promise<void> {
  const create = (path: string) =>
    session.run((h) => h.create(path, Buffer.alloc(0), CREATE_FLAGS.persistent)).catch((e) => {
      if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
    });
  await create(subject.path);
  await mapLimit(Array.from({ length: subject.size }, (_, i) => `${subject.path}/${nameOf(i)}`), 400, create);
}

type Probes = { __rowSeen: Record<string, number>; __inputAt: number };

/**
 * Installed in every page before it loads: notes when a tree row with each name first exists,
 * and when the last key or pointer press happened, in the page's own clock (0 = navigation start).
 */
function installProbes(): void {
  const w = window as unknown as Probes;
  w.__rowSeen = {};
  w.__inputAt = 0;
  new MutationObserver(() => {
    for (const row of document.querySelectorAll('[role="treeitem"]')) {
      const name = row.getAttribute('aria-label')!;
      w.__rowSeen[name] ??= performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  addEventListener('keydown', (e) => (w.__inputAt = e.timeStamp), true);
  addEventListener('pointerdown', (e) => (w.__inputAt = e.timeStamp), true);
}

const inputAt = (page: Page) => page.evaluate(() => (window as unknown as Probes).__inputAt);

async function rowSeenAt(page: Page, name: string): Promise<number> {
  const handle = await page.waitForFunction((n) => (window as unknown as Probes).__rowSeen[n], name, { timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Fresh page load of the node's URL until its first child row exists. */
async function firstRowsOnLoad(page: Page, baseURL: string, subject: Subject): Promise<number> {
  await page.goto(`${baseURL}${browseHref('default', subject.path)}`, { waitUntil: 'commit' });
  return rowSeenAt(page, nameOf(0));
}

/** From a click on the (collapsed) node in the tree until its first child row exists. */
async function firstRowsOnExpand(page: Page, baseURL: string, subject: Subject): Promise<number> {
  await page.goto(`${baseURL}${browseHref('default', root)}`);
  const item = page.getByRole('treeitem', { name: subject.path.slice(root.length + 1), exact: true });
  await item.waitFor();
  await item.click();
  return (await rowSeenAt(page, nameOf(0))) - (await inputAt(page));
}

/** Each keystroke (typing the prefix, then erasing it) until the list of that prefix is painted. */
async function filterKeystrokes(page: Page, baseURL: string, subject: Subject): Promise<number[]> {
  await page.goto(`${baseURL}${browseHref('default', subject.path)}`);
  const filter = page.getByRole('searchbox', { name: `Filter children of ${subject.path.slice(root.length + 1)}` });
  await page.getByRole('treeitem', { name: nameOf(0), exact: true }).waitFor();
  await filter.focus();
  const names = Array.from({ length: subject.size }, (_, i) => nameOf(i));
  const prefixes = [...Array.from(subject.typed, (_, i) => subject.typed.slice(0, i + 1)), ...Array.from(subject.typed, (_, i) => subject.typed.slice(0, subject.typed.length - 1 - i))];
  const times: number[] = [];
  for (let i = 0; i < prefixes.length; i++) {
    const prefix = prefixes[i];
    const matching = names.filter((n) => n.startsWith(prefix));
    await page.keyboard.press(i < subject.typed.length ? subject.typed[i] : 'Backspace');
    // Painted: the first match is a row and the list has the size the server counts.
    const handle = await page.waitForFunction(
      ({ first, size }) => {
        const row = document.querySelector(`[role="treeitem"][aria-label="${first}"]`);
        return row && row.getAttribute('aria-setsize') === String(size) ? performance.now() : 0;
      },
      { first: matching[0], size: matching.length },
      { polling: 'raf', timeout: 30_000 },
    );
    const paintedAt = (await handle.jsonValue()) as number;
    times.push(paintedAt - (await inputAt(page)));
  }
  return times;
}

export async function runExplorerBench(connectString: string): Promise<void> {
  await ensureBuild();
  const session = new ZkSession({ id: 'bench-explorer', name: 'bench-explorer', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  await session.ready();
  await session.run((h) => h.create(root, Buffer.alloc(0), CREATE_FLAGS.persistent)).catch(() => undefined);
  for (const s of SUBJECTS) await createChildren(session, s);
  session.close();

  const app = await startApp(connectString);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    const results = new Map<string, { load: number[]; expand: number[]; filter: number[] }>();
    for (const s of SUBJECTS) results.set(s.label, { load: [], expand: [], filter: [] });
    // Alternating subjects, so that neither gets a warmer machine.
    for (let run = 0; run < WARMUP + RUNS; run++) {
      for (const s of SUBJECTS) {
        const load = await firstRowsOnLoad(page, app.baseURL, s);
        const expand = await firstRowsOnExpand(page, app.baseURL, s);
        const filter = await filterKeystrokes(page, app.baseURL, s);
        if (run < WARMUP) continue;
        const r = results.get(s.label)!;
        r.load.push(load);
        r.expand.push(expand);
        r.filter.push(...filter);
      }
    }
    const base = results.get(SUBJECTS[0].label)!;
    const ratio = (v: number, b: number) => `${(v / b).toFixed(2)}× baseline`;
    for (const s of SUBJECTS) {
      const r = results.get(s.label)!;
      const isBase = r === base;
      const show = (v: number, b: number) => (isBase ? '(baseline)' : ratio(v, b));
      console.log(`${s.label}:`);
      console.log(`  first rows after navigation (page load): median ${median(r.load).toFixed(0)} ms, max ${Math.max(...r.load).toFixed(0)} ms ${show(median(r.load), median(base.load))}; ${verdict(Math.max(...r.load), TARGET.firstRowsMs)}`);
      console.log(`  first rows after a click in the tree:    median ${median(r.expand).toFixed(0)} ms, max ${Math.max(...r.expand).toFixed(0)} ms ${show(median(r.expand), median(base.expand))}; ${verdict(Math.max(...r.expand), TARGET.firstRowsMs)}`);
      console.log(`  filter keystroke → repaint (${r.filter.length} keystrokes): median ${median(r.filter).toFixed(1)} ms, p95 ${p95(r.filter).toFixed(1)} ms ${show(median(r.filter), median(base.filter))}; ${verdict(p95(r.filter), TARGET.filterMs)} (p95)`);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}
