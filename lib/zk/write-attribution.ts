import 'server-only';
import type { WatchKind } from '@/lib/shared/events';

/** How long after a write through the dashboard its author is named on the next event of the path. */
const ATTRIBUTION_MS = 2000;
/** Past this many remembered writes, the expired ones are dropped. */
const PRUNE_ABOVE = 1000;

/**
 * Recent writes through the dashboard: the next data event and the next child-list event of the
 * path name their author (once each, and only within ATTRIBUTION_MS).
 */
export class WriteAttribution {
  private readonly writers = new Map<string, { by: string; until: number; used: Set<WatchKind> }>();

  note(path: string, who: string, now = Date.now()): void {
    if (this.writers.size > PRUNE_ABOVE) {
      for (const [p, w] of this.writers) if (w.until < now) this.writers.delete(p);
    }
    this.writers.set(path, { by: who, until: now + ATTRIBUTION_MS, used: new Set() });
  }

  /** The author of the change just seen on `path`, if it was a recent write not yet claimed for this kind. */
  claim(path: string, kind: WatchKind, now = Date.now()): string | undefined {
    const w = this.writers.get(path);
    if (!w || w.until < now || w.used.has(kind)) return undefined;
    w.used.add(kind);
    return w.by;
  }
}
