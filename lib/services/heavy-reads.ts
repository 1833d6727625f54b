/**
 * Reads that walk a whole subtree (count, and later export and search) cost the server and
 * ZooKeeper far more than a page: at most MAX_HEAVY_READS run at once per operator session;
 * another one is refused with 429 rather than queued behind them.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import type { Operator } from '@/lib/auth/operator';
import { ZkError } from '@/lib/zk/errors';

export const MAX_HEAVY_READS = 2;

const running = processSingleton('heavyReads', () => new Map<string, number>());

export async function heavyRead<T>(operator: Operator, what: string, fn: () => Promise<T>): Promise<T> {
  const key = `${operator.name}\u0000${operator.sessionId ?? ''}`;
  const now = running.get(key) ?? 0;
  if (now >= MAX_HEAVY_READS) {
    throw new ZkError('RATE_LIMITED', `At most ${MAX_HEAVY_READS} ${what} can run at once per session; wait for one to finish`, undefined, { retryAfterSeconds: 1 });
  }
  running.set(key, now + 1);
  try {
    return await fn();
  } finally {
    const left = (running.get(key) ?? 1) - 1;
    if (left > 0) running.set(key, left);
    else running.delete(key);
  }
}
