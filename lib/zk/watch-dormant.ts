import 'server-only';
import type { WatchEntry } from './watch-entry';

/**
 * Watches nobody wants any more but that are still set, least recently released first (a Map
 * keeps insertion order): kept `ttlMs` so that a quick re-subscribe (a reload, a path shown again)
 * reuses the watch, at most `max` of them; then each is handed to `expire`. Adding, reviving and
 * expiring one are O(1), however many entries the hub has.
 */
export class DormantWatches {
  private readonly since = new Map<WatchEntry, number>();
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
    this.since.delete(entry);
    this.since.set(entry, Date.now());
    while (this.since.size > this.max) this.expireOldest();
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return entries;
  }

  private expireOldest(): void {
    const oldest = this.since.keys().next().value!;
    this.since.delete(oldest);
    this.expire(oldest);
  }

  private schedule(): void {
    if (this.timer || this.since.size === 0) return;
    const oldest = this.since.values().next().value!;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sweep();
    }, Math.max(0, oldest + this.ttlMs - Date.now()));
    this.timer.unref();
  }

  private sweep(): void {
    const due = Date.now() - this.ttlMs;
    for (const [entry, at] of this.since) {
      if (at > due) break;
      this.since.delete(entry);
      this.expire(entry);
    }
    this.schedule();
  }
}
