import 'server-only';
import { isZkError } from './errors';
import { removeWatches, type WatcherType } from './remove-watches';
import { isTransient } from '@/lib/shared/errors';
import type { ZkSession } from './session';
import type { WatchEntry } from './watch-entry';

/**
 * Removes the watches of released entries from the server (and from the client library), in the
 * background and `concurrency` at a time: closing many streams at once becomes a steady trickle
 * of small requests that reads on the same session interleave with, instead of a stall.
 *
 * A removal takes every watch of its type the session holds on the path, so it is sent only when
 * no live entry may hold one of that type there (`inUse`): the data and children entries of a
 * path share the server's data watch while the node is absent (both wait on exists).
 */
export class WatchReleaser {
  private queue: WatchEntry[] = [];
  private head = 0;
  private inFlight = 0;
  /** Bumped when the session's watches are all gone: removals queued before it are moot. */
  private generation = 0;
  /** Removals the server confirmed since the hub started. */
  removed = 0;

  constructor(
    private readonly session: ZkSession,
    private readonly concurrency: number,
    private readonly inUse: (path: string, type: WatcherType) => boolean,
  ) {}

  /** Removals queued or in flight. */
  get pending(): number {
    return this.queue.length - this.head + this.inFlight;
  }

  release(entry: WatchEntry): void {
    this.queue.push(entry);
    this.pump();
  }

  /** The session expired or closed: its watches are gone already. */
  clear(): void {
    this.generation++;
    this.queue = [];
    this.head = 0;
  }

  /** Connected again: the client library re-registered the watches, so removals go on. */
  resume(): void {
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.concurrency && this.head < this.queue.length && this.session.currentState === 'connected') {
      const entry = this.queue[this.head++];
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.inFlight++;
      void this.remove(entry, this.generation).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async remove(entry: WatchEntry, generation: number): Promise<void> {
    // The client library only knows a watch once the read that sets it has returned.
    if (entry.arming) await entry.arming.catch(() => undefined);
    const type = entry.watchType;
    if (type === null || generation !== this.generation || this.inUse(entry.path, type)) return;
    try {
      if (await removeWatches(this.session, entry.path, type)) this.removed++;
    } catch (e) {
      // Lost the connection: the client re-registers the watch on reconnect, so try again then.
      if (isZkError(e) && isTransient(e.code) && generation === this.generation) this.queue.push(entry);
      else console.error(`[zooscope] could not remove the ${type} watch on ${entry.path}:`, (e as Error).message);
    }
  }
}
