/**
 * A sliding set of watched paths: the rows on screen. Paths that appear are watched at once;
 * paths that leave are released only after `releaseMs`, so scrolling back and forth (or a
 * re-render that briefly drops a row) does not churn subscriptions. At most `max` paths are held:
 * past it, those waiting for release go first, oldest first.
 */
export class WatchWindow {
  /** Insertion order is release order: a path shown again moves last. */
  private readonly held = new Map<string, { release: () => void; leaving: ReturnType<typeof setTimeout> | null }>();

  constructor(
    private readonly watch: (path: string) => () => void,
    private readonly releaseMs = 750,
    private readonly max = 400,
  ) {}

  get size(): number {
    return this.held.size;
  }

  /** The paths on screen now (the first `max` of them are watched). */
  show(paths: Iterable<string>): void {
    const shown = new Set<string>();
    for (const path of paths) {
      if (shown.size >= this.max) break;
      shown.add(path);
    }
    for (const [path, h] of this.held) {
      if (shown.has(path) || h.leaving) continue;
      h.leaving = setTimeout(() => this.drop(path), this.releaseMs);
    }
    for (const path of shown) {
      const h = this.held.get(path);
      if (h?.leaving) {
        clearTimeout(h.leaving);
        h.leaving = null;
      }
      if (h) continue;
      this.held.set(path, { release: this.watch(path), leaving: null });
    }
    for (const [path, h] of this.held) {
      if (this.held.size <= this.max) break;
      if (h.leaving) this.drop(path);
    }
  }

  dispose(): void {
    for (const path of [...this.held.keys()]) this.drop(path);
  }

  private drop(path: string): void {
    const h = this.held.get(path);
    if (!h) return;
    if (h.leaving) clearTimeout(h.leaving);
    this.held.delete(path);
    h.release();
  }
}
