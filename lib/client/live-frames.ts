/**
 * Received live events, applied to the query cache once per animation frame (coalesced per
 * node), and the two things the page shows of them: the Events log and deleted-node notices.
 */
import { notifyManager, type QueryClient } from '@tanstack/react-query';
import { EventQueue, type LiveEvent } from '@/lib/shared/events';
import { applyLiveEvents } from './live-cache';
import { createStore, type Store } from './live-store';

export interface LogEntry {
  /** Increases by one per event received in this tab. */
  seq: number;
  receivedAt: number;
  event: LiveEvent;
}

/** A node the open page shows that was deleted elsewhere (cleared when it is created again). */
export interface DeletedNotice {
  at: number;
  by?: string;
}

/** Events kept for the Events panel. */
export const LOG_LIMIT = 1000;
/** Per-frame buffer bound: more distinct changes than this in one frame means "refetch instead". */
const FRAME_BUFFER_LIMIT = 5000;

export class LiveFrames {
  readonly log: Store<readonly LogEntry[]> = createStore<readonly LogEntry[]>([]);
  readonly deleted: Store<ReadonlyMap<string, DeletedNotice>> = createStore<ReadonlyMap<string, DeletedNotice>>(new Map());
  private readonly frame = new EventQueue(FRAME_BUFFER_LIMIT, 'Too many changes to apply one by one.');
  private scheduled = false;
  private logSeq = 0;
  private pendingLog: LogEntry[] = [];

  constructor(
    private readonly client: QueryClient,
    private readonly connection: string,
  ) {}

  /** An event from the server: logged, and applied with the next frame. */
  record(event: LiveEvent): void {
    this.pendingLog.push({ seq: ++this.logSeq, receivedAt: Date.now(), event });
    this.apply(event);
  }

  /** Applied with the next frame, not logged (the tab's own conclusions, such as a resync). */
  apply(event: LiveEvent): void {
    this.frame.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    // Background tabs get no animation frames; they still stay current, less often.
    if (typeof document !== 'undefined' && document.hidden) setTimeout(() => this.applyFrame(), 250);
    else requestAnimationFrame(() => this.applyFrame());
  }

  /** A node the page shows turned out to be gone when its watch was set. */
  markDeleted(path: string): void {
    if (!this.deleted.get().has(path)) this.deleted.set(new Map(this.deleted.get()).set(path, { at: Date.now() }));
  }

  clearLog(): void {
    this.log.set([]);
  }

  private applyFrame(): void {
    this.scheduled = false;
    const events = this.frame.take();
    notifyManager.batch(() => applyLiveEvents(this.client, this.connection, events));
    this.updateDeleted(events);
    if (this.pendingLog.length > 0) {
      const next = [...this.log.get(), ...this.pendingLog];
      this.pendingLog = [];
      this.log.set(next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next);
    }
  }

  private updateDeleted(events: readonly LiveEvent[]): void {
    let next: Map<string, DeletedNotice> | null = null;
    for (const e of events) {
      const isDelete = e.type === 'deleted';
      if (!isDelete && e.type !== 'created' && e.type !== 'resync') continue;
      next ??= new Map(this.deleted.get());
      if (e.type === 'resync') next.clear();
      else if (isDelete) next.set(e.path, { at: e.at, by: e.by });
      else next.delete(e.path);
    }
    if (next) this.deleted.set(next);
  }
}
