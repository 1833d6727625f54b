import 'server-only';
import { assertPath } from './assert-path';
import { isZkError } from './errors';
import { joinPath } from '@/lib/shared/path';
import type { ZkSession } from './session';

/**
 * Streams a subtree breadth-first (so nodes near the top come first) with at most `concurrency`
 * requests in flight. With `data`, each node's value is read and its children listed only when
 * its stat says it has some; without, every node is listed and no value is read. Unreadable
 * nodes (NO_AUTH) are reported and skipped, nodes deleted meanwhile are ignored, and the walk
 * ends as soon as `signal` aborts (requests in flight are let finish, unseen).
 */

export interface WalkVisitor {
  /** The names of a node's children, as listed. */
  onNames?(parent: string, names: string[]): void;
  /** A node's value (data walks only). */
  onValue?(path: string, data: Buffer): void;
  onNoAuth(path: string): void;
}

export interface WalkOptions {
  data: boolean;
  concurrency: number;
  signal: AbortSignal;
}

/** A FIFO of paths that releases what it has handed out (100,000 siblings are queued at once). */
class PathQueue {
  private items: string[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(paths: string[]): void {
    for (const p of paths) this.items.push(p);
  }

  shift(): string {
    const p = this.items[this.head++];
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return p;
  }
}

export interface TreeWalk {
  /** Resolves when the walk has ended (finished or aborted); rejects on a ZooKeeper failure. */
  done: Promise<void>;
  /** Nodes still waiting to be read. */
  queued(): number;
}

export function walkTree(session: ZkSession, root: string, visitor: WalkVisitor, options: WalkOptions): TreeWalk {
  assertPath(root);
  const queue = new PathQueue();
  const { signal } = options;
  const skip = (path: string) => (e: unknown) => {
    if (isZkError(e) && e.code === 'NO_AUTH') visitor.onNoAuth(path);
    else if (!(isZkError(e) && e.code === 'NO_NODE')) throw e;
    return null;
  };
  const list = async (path: string) => {
    const listed = await session.run((h) => h.children(path)).catch(skip(path));
    if (!listed || signal.aborted || listed.children.length === 0) return;
    visitor.onNames?.(path, listed.children);
    queue.push(listed.children.map((c) => joinPath(path, c)));
  };
  const visit = async (path: string) => {
    if (!options.data) return list(path);
    const read = await session.run((h) => h.get(path)).catch(skip(path));
    if (!read || signal.aborted) return;
    visitor.onValue?.(path, read.data);
    if (read.stat.numChildren > 0) await list(path);
  };

  const done = new Promise<void>((resolve, reject) => {
    let active = 0;
    let failed = false;
    const finish = () => {
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const pump = () => {
      if (failed) return;
      while (!signal.aborted && active < options.concurrency && queue.size > 0) {
        active++;
        visit(queue.shift()).then(
          () => {
            active--;
            pump();
          },
          (e) => {
            failed = true;
            signal.removeEventListener('abort', finish);
            reject(e);
          },
        );
      }
      if (active === 0 || signal.aborted) finish();
    };
    signal.addEventListener('abort', finish);
    queue.push([root]);
    pump();
  });
  return { done, queued: () => queue.size };
}
