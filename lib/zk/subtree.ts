import 'server-only';
import { assertPath } from './assert-path';
import { isZkError } from './errors';
import { mapLimit } from './map-limit';
import { joinPath } from '@/lib/shared/path';
import type { ZkSession } from './session';

/**
 * Walks the nodes below `path` a level at a time, children first, handing each level to `visit`
 * until it returns false. A listing that fails with an error `tolerate` accepts counts as empty.
 */
async function walkLevelsBelow(
  session: ZkSession,
  path: string,
  tolerate: (e: unknown) => boolean,
  visit: (level: string[]) => boolean,
): Promise<void> {
  let frontier = [path];
  for (;;) {
    const lists = await mapLimit(frontier, 64, (p) =>
      session.run((h) => h.children(p)).then(
        (r) => r.children.map((c) => joinPath(p, c)),
        (e) => (tolerate(e) ? [] : Promise.reject(e)),
      ),
    );
    frontier = lists.flat();
    if (frontier.length === 0 || !visit(frontier)) return;
  }
}

/** Counts the nodes of a subtree (the node included), stopping past `cap`. Unlistable parts count as empty. */
export async function countSubtree(session: ZkSession, path: string, cap = 100_000): Promise<{ count: number; truncated: boolean }> {
  assertPath(path);
  let count = 1;
  // At exactly `cap` one more level is read, to tell a complete count from a truncated one.
  await walkLevelsBelow(session, path, () => true, (level) => (count += level.length) <= cap);
  return { count: Math.min(count, cap), truncated: count > cap };
}

/** The nodes below `path` (not `path` itself), level by level from its children down. */
export async function subtreeLevels(session: ZkSession, path: string): Promise<string[][]> {
  const levels: string[][] = [];
  // Deleted meanwhile: nothing below it.
  const deleted = (e: unknown) => isZkError(e) && e.code === 'NO_NODE';
  await walkLevelsBelow(session, path, deleted, (level) => levels.push(level) > 0);
  return levels;
}
