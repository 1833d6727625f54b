import 'server-only';
import type { WatchEntry } from './watch-entry';

/**
 * Watches nobody wants any more but that are still set, least recently released first: kept
 * `ttlMs` so that a quick re-subscribe (a reload, a path shown again) reuses the watch, at most
 * `max` of them; then each is handed to `expire`. Adding, reviving and expiring one are O(1),
 * however many entries the hub has: a FIFO array whose stale slots (revived entries) are skipped
 * when reached. (Not a Map's insertion order: reaching its oldest key after many deletions from
 * the front walks every deleted slot, O(n) a time.)
 */
export class DormantWatches {
  /** When each dormant entry was released (its slot in `order` is stale if the time differs). */
  private readonly since = new Map<WatchEntry, number>();
  private order: Array<{ entry: WatchEntry; at: number }> = [];
  private head = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly max: number,
    private readonly ttlMs: number,
    private readonly expire: (entry: WatchEntry) => void,
  ) {}

  get size(): number {
    return this.since.size;
  }

  add(entry: WatchEntry): void {
    // A unique time per add, so that an entry released, revived and released again in the same millisecond leaves one live slot.
    const at = Math.max(Date.now(), (this.order.at(-1)?.at ?? 0) + 1e-6);
    this.since.set(entry, at);
    this.order.push({ entry, at });
    while (this.since.size > this.max) this.expire(this.takeOldest()!);
    this.schedule();
  }

  /** The entry is wanted again (or its watch fired): true when it was dormant. */
  delete(entry: WatchEntry): boolean {
    return this.since.delete(entry);
  }

  /** Forgets them all without expiring any (the session, and with it every watch, is gone). */
  clear(): WatchEntry[] {
    const entries = [...this.since.keys()];
    this.since.clear();
    this.order = [];
    this.head = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return entries;
  }

  /** The oldest live slot, left in place unless `take`. */
  private oldest(take: boolean): { entry: WatchEntry; at: number } | undefined {
    while (this.head < this.order.length) {
      const slot = this.order[this.head];
      if (this.since.get(slot.entry) === slot.at) {
        if (take) this.pop();
        return slot;
      }
      this.pop();
    }
    return undefined;
  }

  private takeOldest(): WatchEntry | undefined {
    const slot = this.oldest(true);
    if (slot) this.since.delete(slot.entry);
    return slot?.entry;
  }

  private pop(): void {
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const oldest = this.oldest(false);
    if (!oldest) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweep();
    }, Math.max(0, oldest.at + this.ttlMs - Date.now()));
    this.timer.unref();
  }

  private sweep(): void {
    const due = Date.now() - this.ttlMs;
    for (let slot = this.oldest(false); slot && slot.at <= due; slot = this.oldest(false)) this.expire(this.takeOldest()!);
    this.schedule();
  }
}
