/**
 * Server-core benchmark: what Zooscope's read path costs on top of the raw binding, measured
 * against a baseline of raw calls in the same run on the same ZooKeeper.
 */
import { ZkSession } from '@/lib/zk/session';
import { listChildren } from '@/lib/zk/children';
import { createNode } from '@/lib/zk/create-node';
import { mapLimit } from '@/lib/zk/map-limit';
import { getNode } from '@/lib/zk/nodes';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';

const READS = 20_000;
const IN_FLIGHT = 200;
const BIG_CHILDREN = 100_000;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function runCoreBench(connectString: string): Promise<void> {
  const session = new ZkSession({ id: 'bench', name: 'bench', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  try {
    const root = `/bench-core-${process.pid}`;
    await createNode(session, { path: `${root}/value`, data: Buffer.from(JSON.stringify({ a: 1, b: 'x'.repeat(200) })), mode: 'persistent', parents: true });

    const indexes = Array.from({ length: READS }, (_, i) => i);
    // Warm-up, so that neither side pays for JIT and connection start-up.
    await mapLimit(indexes.slice(0, 2000), IN_FLIGHT, () => getNode(session, `${root}/value`));
    const rawMs = await timed(() => mapLimit(indexes, IN_FLIGHT, () => session.run((h) => h.get(`${root}/value`))));
    const opsMs = await timed(() => mapLimit(indexes, IN_FLIGHT, () => getNode(session, `${root}/value`)));
    const rawRate = READS / (rawMs / 1000);
    const opsRate = READS / (opsMs / 1000);
    console.log(`node reads, ${IN_FLIGHT} in flight: raw binding ${rawRate.toFixed(0)}/s (baseline), getNode ${opsRate.toFixed(0)}/s = ${(opsRate / rawRate).toFixed(2)}× baseline`);

    const big = `${root}/big`;
    await createNode(session, { path: big, data: Buffer.alloc(0), mode: 'persistent' });
    const names = Array.from({ length: BIG_CHILDREN }, (_, i) => `child-${String(i).padStart(6, '0')}`);
    const createMs = await timed(() =>
      mapLimit(names, 400, (n) =>
        session.run((h) => h.create(`${big}/${n}`, Buffer.alloc(0), CREATE_FLAGS.persistent)).catch((e) => {
          if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
        }),
      ),
    );
    console.log(`created ${BIG_CHILDREN} children in ${(createMs / 1000).toFixed(1)} s (${(BIG_CHILDREN / (createMs / 1000)).toFixed(0)}/s)`);

    const raw: number[] = [];
    const first: number[] = [];
    const next: number[] = [];
    const filtered: number[] = [];
    for (let i = 0; i < 5; i++) {
      raw.push(await timed(() => session.run((h) => h.children(big))));
      first.push(await timed(() => listChildren(session, big, { limit: 500, fresh: true })));
      next.push(await timed(() => listChildren(session, big, { offset: 50_000, limit: 500, stat: true })));
      filtered.push(await timed(() => listChildren(session, big, { prefix: 'child-0999', limit: 500 })));
    }
    const base = median(raw);
    console.log(`getChildren of ${BIG_CHILDREN} children, raw binding: ${base.toFixed(1)} ms (baseline)`);
    console.log(`first page (fetch + sort + page): ${median(first).toFixed(1)} ms = ${(median(first) / base).toFixed(2)}× baseline`);
    console.log(`a later page with 500 stats (cached list): ${median(next).toFixed(1)} ms = ${(median(next) / base).toFixed(2)}× baseline`);
    console.log(`prefix filter (cached list): ${median(filtered).toFixed(2)} ms = ${(median(filtered) / base).toFixed(3)}× baseline`);
  } finally {
    session.close();
  }
}
