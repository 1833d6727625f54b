/**
 * Compare benchmark: the compare route (in-process: auth, both walks, NDJSON) on two subtrees of
 * 1 + 100 + 100×100 = 10,101 nodes with 100-byte values, against two raw pipelined walks
 * (get + getChildren of every node, 64 in flight) of the same subtrees in the same run.
 * Target ≤ 1.5×.
 */
import * as compareRoute from '@/app/api/v1/connections/[id]/compare/route';
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { closeAllSessions } from '@/lib/zk/registry';
import { ZkSession } from '@/lib/zk/session';
import { joinPath } from '@/lib/shared/path';

const RUNS = 5;
const IN_FLIGHT = 64;
const root = `/bench-compare-${process.pid}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const filler = (i: number) => `{"id":${i},"host":"host-${i % 97}.example","pad":"`.padEnd(98, 'x') + '"}';

async function makeTree(session: ZkSession, top: string, changed: number): Promise<void> {
  const nodes: Array<[string, string]> = [[top, '']];
  for (let i = 0; i < 100; i++) nodes.push([`${top}/p${i}`, filler(i)]);
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) nodes.push([`${top}/p${i}/c${j}`, i * 100 + j === changed ? filler(-1) : filler(i * 100 + j)]);
  for (let k = 0, level = 0; level < 3; level++) {
    const size = level === 0 ? 1 : level === 1 ? 100 : 10_000;
    await mapLimit(nodes.slice(k, k + size), 400, ([p, v]) =>
      session.run((h) => h.create(p, Buffer.from(v), CREATE_FLAGS.persistent)).catch((e) => {
        if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
      }),
    );
    k += size;
  }
}

/** The baseline: level by level, every node's get and getChildren in flight together. */
async function rawWalk(session: ZkSession, start: string): Promise<number> {
  let level = [start];
  let nodes = 0;
  while (level.length > 0) {
    nodes += level.length;
    const lists = await mapLimit(level, IN_FLIGHT, async (p) => {
      const [listed] = await Promise.all([session.run((h) => h.children(p)), session.run((h) => h.get(p))]);
      return listed.children.map((c) => joinPath(p, c));
    });
    level = lists.flat();
  }
  return nodes;
}

async function compare(left: string, right: string): Promise<{ ms: number; summary: Record<string, number> }> {
  const t0 = performance.now();
  const url = `http://127.0.0.1:3000/api/v1/connections/default/compare?${new URLSearchParams({ path: left, with: right })}`;
  const res = await compareRoute.GET(new Request(url), { params: Promise.resolve({ id: 'default' }) });
  const text = await res.text();
  const last = JSON.parse(text.trim().split('\n').pop()!);
  if (!last.summary) throw new Error(`compare did not finish: ${text.slice(-300)}`);
  return { ms: performance.now() - t0, summary: last.summary };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function runCompareBench(connectString: string): Promise<void> {
  process.env.ZK_CONNECT = connectString;
  delete process.env.ZOOSCOPE_CONFIG;
  delete process.env.ZOOSCOPE_USERS_FILE;
  process.env.ZOOSCOPE_AUDIT_FILE ??= `/tmp/zooscope-bench-compare-${process.pid}.sqlite`;
  const session = new ZkSession({ id: 'bench-compare', name: 'bench-compare', connectString, sessionTimeoutMs: 30_000, readOnly: false });
  try {
    await session.ready();
    await session.run((h) => h.create(root, Buffer.alloc(0), CREATE_FLAGS.persistent));
    const made = await timed(async () => {
      await makeTree(session, `${root}/a`, -1);
      await makeTree(session, `${root}/b`, 4242);
    });
    console.log(`made 2 × 10,101 nodes in ${(made / 1000).toFixed(1)} s`);
    await rawWalk(session, `${root}/a`);
    await compare(`${root}/a`, `${root}/b`);

    const raw: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      raw.push(await timed(async () => {
        await rawWalk(session, `${root}/a`);
        await rawWalk(session, `${root}/b`);
      }));
      const run = await compare(`${root}/a`, `${root}/b`);
      if (run.summary.compared !== 10_101 || run.summary.changed !== 1) throw new Error(`compare saw ${JSON.stringify(run.summary)}; expected 10101 compared, 1 changed`);
      ours.push(run.ms);
    }
    const ratio = median(ours) / median(raw);
    console.log(`two raw pipelined walks (get + getChildren, ${IN_FLIGHT} in flight) of 10,101 nodes each: ${median(raw).toFixed(0)} ms (baseline)`);
    console.log(`compare of the two subtrees (value, ACL, children of each node on both sides): ${median(ours).toFixed(0)} ms = ${ratio.toFixed(2)}× baseline; target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}`);
  } finally {
    session.close();
    closeAllSessions();
  }
}
