/** The raw-binding baselines that benchmarks measure against, and their small helpers. */
import { CREATE_FLAGS } from '@/lib/zk/client';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import type { ZkSession } from '@/lib/zk/session';
import { joinPath } from '@/lib/shared/path';

export const IN_FLIGHT = 64;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** 100 bytes of text. */
export const filler = (i: number) => `{"id":${i},"host":"host-${i % 97}.example","port":${9000 + (i % 50)},"tags":["a","b"],"pad":"`.padEnd(98, 'x') + '"}';

/** Raw pipelined creates (`inFlight` at a time, in the given order: parents before children); existing nodes are let be. */
export async function rawCreate(session: ZkSession, nodes: Array<[string, string]>, inFlight = 400): Promise<void> {
  await mapLimit(nodes, inFlight, ([p, v]) =>
    session.run((h) => h.create(p, Buffer.from(v), CREATE_FLAGS.persistent)).catch((e) => {
      if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
    }),
  );
}

/** The 1 + 100 + 100×100 nodes of a test tree at `base`, parents first, with 100-byte values. */
export function treeNodes(base: string): Array<[string, string]> {
  const nodes: Array<[string, string]> = [[base, filler(0)]];
  for (let i = 0; i < 100; i++) nodes.push([`${base}/p${i}`, filler(i)]);
  for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) nodes.push([`${base}/p${i}/c${j}`, filler(i * 100 + j)]);
  return nodes;
}

/** The raw walk: level by level, every node's get and getChildren in flight together. */
export async function rawWalk(session: ZkSession, start: string, data: boolean): Promise<number> {
  let level = [start];
  let nodes = 0;
  while (level.length > 0) {
    nodes += level.length;
    const lists = await mapLimit(level, IN_FLIGHT, async (p) => {
      const [listed] = await Promise.all([session.run((h) => h.children(p)), data ? session.run((h) => h.get(p)) : null]);
      return listed.children.map((c) => joinPath(p, c));
    });
    level = lists.flat();
  }
  return nodes;
}
