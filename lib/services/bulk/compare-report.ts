/** Counts the differences of a comparison as they are sent, and sends progress every 100 ms. */
import 'server-only';
import type { CompareLine, CompareSide, CompareSummary } from '@/lib/shared/compare';

const PROGRESS_EVERY_MS = 100;

export class CompareReport {
  private readonly counts = { compared: 0, same: 0, changed: 0, onlyLeft: 0, onlyRight: 0, noAuth: 0 };
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | null = null;
  /** Nodes known but not yet read, set by the walk. */
  pending = 0;

  constructor(private readonly send: (line: CompareLine) => void) {}

  only(side: CompareSide, path: string): void {
    if (side === 'left') this.counts.onlyLeft++;
    else this.counts.onlyRight++;
    this.send({ only: side, path });
  }

  noAuth(side: CompareSide, path: string): void {
    this.counts.noAuth++;
    this.send({ noAuth: side, path });
  }

  /** A node read on both sides: a line when its value or ACL differ. */
  pair(path: string, left: { data: Buffer; acl: string }, right: { data: Buffer; acl: string }): void {
    this.counts.compared++;
    const data = !left.data.equals(right.data);
    const acl = left.acl !== right.acl;
    if (!data && !acl) this.counts.same++;
    else {
      this.counts.changed++;
      this.send({ changed: path, data, acl });
    }
  }

  startProgress(): void {
    let last = -1;
    this.timer = setInterval(() => {
      const seen = this.counts.compared + this.counts.onlyLeft + this.counts.onlyRight;
      if (seen === last) return;
      last = seen;
      this.send({ progress: { compared: seen, pending: this.pending } });
    }, PROGRESS_EVERY_MS);
  }

  stopProgress(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  summary(): CompareSummary {
    return { ...this.counts, ms: Math.round(performance.now() - this.started) };
  }
}
