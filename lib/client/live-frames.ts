/**
 * Received live events, applied to the query cache once per animation frame (coalesced per
 * node), and the two things the page shows of them: the Events log and deleted-node notices.
 */
import { notifyManager, type QueryClient } from '@tanstack/react-query';
import { EventQueue, type LiveEvent } from '@/lib/shared/events';
import { LOG_LIMIT } from '@/lib/shared/limits';
import type { NodeValue } from '@/lib/shared/types';
import type { NodeResponse } from '@/lib/shared/wire';
import { logSaver, restoreLog } from './events-memory';
import { applyLiveEvents } from './live-cache';
import { createStore, type Store } from './live-store';
import { nodeKeys } from './query-keys';

export interface LogEntry {
  /** Increases by one per event received in this tab (and goes on after a reload). */
  seq: number;
  receivedAt: number;
  event: LiveEvent;
  /** A change's previous value, when this tab knew it (shown on screen, or in an earlier event). */
  before?: { version: number; data: NodeValue };
  /** Received before the page was reloaded (restored from this tab's storage). */
  restored?: boolean;
}

/** A node the open page shows that was deleted elsewhere (cleared when it is created again). */
export interface DeletedNotice {
  at: number;
  by?: string;
}

/** Per-frame buffer bound: more distinct changes than this in one frame means "refetch instead". */
const FRAME_BUFFER_LIMIT = 5000;

export class LiveFrames {
  readonly log: Store<readonly LogEntry[]>;
  readonly deleted: Store<ReadonlyMap<string, DeletedNotice>> = createStore<ReadonlyMap<string, DeletedNotice>>(new Map());
  private readonly frame = new EventQueue(FRAME_BUFFER_LIMIT, 'Too many changes to apply one by one.');
  private scheduled = false;
  private logSeq: number;
  private pendingLog: LogEntry[] = [];
  private readonly save: (log: readonly LogEntry[]) => void;

  constructor(
    private readonly client: QueryClient,
    private readonly connection: string,
  ) {
    const restored = restoreLog(connection);
    this.log = createStore<readonly LogEntry[]>(restored);
    this.logSeq = restored.at(-1)?.seq ?? 0;
    this.save = logSaver(connection);
    this.log.subscribe(() => this.save(this.log.get()));
  }

  /** An event from the server: logged, and applied with the next frame. */
  record(event: LiveEvent): void {
    const before = event.type === 'changed' ? this.previousValue(event.path, event.stat.version) : undefined;
    this.pendingLog.push({ seq: ++this.logSeq, receivedAt: Date.now(), event, ...(before && { before }) });
    this.apply(event);
  }

  /**
   * The value `path` had before reaching `version`: from the newest logged event carrying it,
   * else from the node as this tab has it cached (events are applied a frame later, so the cache
   * still holds the previous state). Undefined when neither knows it.
   */
  private previousValue(path: string, version: number): LogEntry['before'] {
    for (const log of [this.pendingLog, this.log.get()]) {
      for (let i = log.length - 1; i >= 0; i--) {
        const e = log[i].event;
        if ((e.type === 'changed' || e.type === 'created') && e.path === path && e.data && e.stat.version < version) return { version: e.stat.version, data: e.data };
      }
    }
    const cached = this.client.getQueryData<NodeResponse>(nodeKeys.detail(this.connection, path));
    return cached?.data && cached.stat.version < version ? { version: cached.stat.version, data: cached.data } : undefined;
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
