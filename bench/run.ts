/**
 * `npm run bench`: starts its own ZooKeeper (and, for the browser benchmarks, the built app),
 * runs every benchmark, and prints each figure next to a baseline measured in the same run.
 * Pass names to run a subset: `npm run bench -- core explorer live`. `soak` (several minutes)
 * runs only when named.
 */
import { ensureZooKeeper } from '@/scripts/lib/deps';
import { startStandalone } from '@/scripts/lib/zk-server';
import { runBulkBench } from './bulk';
import { runBundleBench } from './bundle';
import { runCompareBench } from './compare';
import { runCoreBench } from './core';
import { runExplorerBench } from './explorer';
import { runLiveBench } from './live';
import { runLiveRowsBench } from './live-rows';
import { runSearchBench } from './search';
import { runSoakBench } from './soak';

const BENCHES: Record<string, (connectString: string) => Promise<void>> = {
  bulk: runBulkBench,
  bundle: runBundleBench,
  compare: runCompareBench,
  core: runCoreBench,
  explorer: runExplorerBench,
  live: runLiveBench,
  'live-rows': runLiveRowsBench,
  search: runSearchBench,
  soak: runSoakBench,
};

/** Too long for every run: only when asked for by name. */
const OPT_IN = new Set(['soak']);

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES).filter((n) => !OPT_IN.has(n));
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length > 0) throw new Error(`Unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`);
  ensureZooKeeper();
  for (const name of names) {
    // Each benchmark gets a fresh server so that one's data does not slow the next.
    const zk = await startStandalone();
    try {
      console.log(`\n== ${name} ==`);
      await BENCHES[name](zk.connectString);
    } finally {
      await zk.stop();
    }
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
