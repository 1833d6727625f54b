import 'server-only';
import { isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { isTransient } from '@/lib/shared/errors';
import { joinPath } from '@/lib/shared/path';
import type { KafkaRootsResponse } from '@/lib/shared/kafka';
import type { KafkaReader } from './read';

/**
 * Where Kafka chroots are: nodes holding `brokers/ids`, found by a bounded breadth-first scan of
 * the first levels (a chroot is usually /kafka or /team/kafka-prod). Each level is listed with 64
 * requests in flight; a node with many children contributes only its first names, and the scan
 * stops after a fixed number of listings, saying so (`complete: false`).
 */
export interface FindRootsOptions {
  /** How deep a chroot may be: /a is 1, /a/b/c is 3. Default 3. */
  maxDepth?: number;
  /** Children of one node looked into (sorted, the first ones). Default 200. */
  maxChildren?: number;
  /** Listings in all. Default 2,000. */
  maxListings?: number;
}

/** ZooKeeper's own subtree, never a Kafka chroot. */
const SKIPPED = new Set(['/zookeeper']);

export async function findKafkaRoots(reader: KafkaReader, options: FindRootsOptions = {}): Promise<KafkaRootsResponse> {
  const maxDepth = options.maxDepth ?? 3;
  const maxChildren = options.maxChildren ?? 200;
  let budget = options.maxListings ?? 2_000;
  let complete = true;
  let scanned = 0;
  const found: KafkaRootsResponse['roots'] = [];

  // A node unreadable for its own reasons (an ACL) is skipped; a lost session fails the scan.
  const list = (path: string) =>
    reader.children(path).catch((e: unknown) => {
      if (isZkError(e) && !isTransient(e.code)) return null;
      throw e;
    });

  let frontier = ['/'];
  for (let depth = 0; depth <= maxDepth && frontier.length > 0; depth++) {
    if (frontier.length > budget) {
      frontier = frontier.slice(0, budget);
      complete = false;
    }
    budget -= frontier.length;
    scanned += frontier.length;
    // A node with a brokers child has its brokers/ids listed in the same pass, in flight with the rest.
    const listed = await mapLimit(frontier, 64, async (path) => {
      const names = (await list(path))?.sort() ?? [];
      const ids = path !== '/' && names.includes('brokers') ? await list(joinPath(path, 'brokers/ids')) : null;
      return { path, names, ids };
    });
    const next: string[] = [];
    for (const { path, names, ids } of listed) {
      // A chroot's own children are Kafka's: no chroot nests inside one.
      if (ids) {
        found.push({ path, brokers: ids.length });
        continue;
      }
      if (depth === maxDepth) continue;
      if (names.length > maxChildren) complete = false;
      next.push(...names.slice(0, maxChildren).map((n) => joinPath(path, n)).filter((p) => !SKIPPED.has(p)));
    }
    frontier = next;
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { roots: found, complete, scanned };
}
