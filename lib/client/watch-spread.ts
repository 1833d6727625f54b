/**
 * What the Events page watches for one path: the node itself, its children (the list and each
 * child's data), or the whole subtree, whose watches spread as nodes appear (each child-list
 * event adds watches for the new children and drops those of the removed ones). Bounded: at most
 * SPREAD_NODE_LIMIT nodes, well inside the server's 5,000 subscriptions per stream.
 */
import type { QueryClient } from '@tanstack/react-query';
import { CHILDREN_PAGE_SIZE } from '@/lib/shared/limits';
import { NO_FILTER } from '@/lib/shared/names';
import { isWithin, joinPath } from '@/lib/shared/path';
import { childrenPageQuery } from './children';
import type { LiveClient } from './live-client';
import { createStore, type Store } from './live-store';

export const WATCH_MODES = ['node', 'children', 'subtree'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];

/** Nodes one spread watches at most (two subscriptions each in a subtree). */
export const SPREAD_NODE_LIMIT = 1000;
/** Child lists read at once while a subtree's watches spread. */
const LISTINGS_IN_FLIGHT = 8;

export interface SpreadState {
  /** Nodes watched now. */
  nodes: number;
  /** Some nodes are left unwatched: the limit, or a list longer than one page. */
  capped: boolean;
}

export class WatchSpread {
  readonly state: Store<SpreadState> = createStore<SpreadState>({ nodes: 0, capped: false });
  private readonly watched = new Map<string, Array<() => void>>();
  private readonly toList: string[] = [];
  /** Followed lists listed before their watch was armed: listed again once it is (a child may have come between). */
  private readonly unarmed = new Set<string>();
  /** Listings under way, and those to read again once they end (an answer may predate the arming). */
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private listing = 0;
  private lastSeq: number;
  private stopped = false;
  private readonly unsubscribe: () => void;
  private readonly offArmed: () => void;

  constructor(
    private readonly live: LiveClient,
    private readonly client: QueryClient,
    readonly root: string,
    readonly mode: WatchMode,
  ) {
    this.lastSeq = live.log.get().at(-1)?.seq ?? 0;
    this.unsubscribe = live.log.subscribe(() => this.onLog());
    this.offArmed = live.onArmed(() => this.onArmed());
    this.watchNode(root, mode !== 'node');
    if (mode !== 'node') this.list(root);
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.offArmed();
    for (const releases of this.watched.values()) releases.forEach((r) => r());
    this.watched.clear();
  }

  /** Nodes whose child list is followed: the root, and in a subtree every node. */
  private follows(path: string): boolean {
    return this.mode === 'subtree' ? this.watched.has(path) : this.mode === 'children' && path === this.root;
  }

  private watchNode(path: string, children: boolean): void {
    if (this.watched.has(path)) return;
    if (this.watched.size >= SPREAD_NODE_LIMIT) return this.publish(true);
    const releases = [this.live.watch(path, 'data')];
    if (children) releases.push(this.live.watch(path, 'children'));
    this.watched.set(path, releases);
    this.publish();
  }

  private addChildren(parent: string, names: readonly string[]): void {
    for (const name of names) {
      const path = joinPath(parent, name);
      const isNew = !this.watched.has(path);
      this.watchNode(path, this.mode === 'subtree');
      if (isNew && this.mode === 'subtree' && this.watched.has(path)) this.list(path);
    }
  }

  private dropChild(path: string): void {
    for (const [p, releases] of this.watched) {
      if (p === this.root || !isWithin(p, path)) continue;
      releases.forEach((r) => r());
      this.watched.delete(p);
    }
    this.publish();
  }

  private list(path: string): void {
    this.unarmed.add(path);
    this.toList.push(path);
    this.pump();
  }

  private onArmed(): void {
    for (const path of this.unarmed) {
      if (this.inFlight.has(path)) this.again.add(path);
      else this.toList.push(path);
    }
    this.unarmed.clear();
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.listing < LISTINGS_IN_FLIGHT && this.toList.length > 0) {
      const path = this.toList.shift()!;
      this.listing++;
      this.inFlight.add(path);
      this.client
        // Fresh: a list cached from before the watch was armed may miss a child.
        .fetchQuery({ ...childrenPageQuery(this.live.connection, path, NO_FILTER, 0), staleTime: 0 })
        .then((page) => {
          if (this.stopped || !this.watched.has(path)) return;
          if (page.total > CHILDREN_PAGE_SIZE) this.publish(true);
          this.addChildren(path, page.children.map((c) => c.name));
        })
        .catch(() => undefined) // gone or unreadable: its own watch reports it
        .finally(() => {
          this.listing--;
          this.inFlight.delete(path);
          if (this.again.delete(path)) this.toList.push(path);
          this.pump();
        });
    }
  }

  private onLog(): void {
    const log = this.live.log.get();
    for (let i = log.length - 1; i >= 0 && log[i].seq > this.lastSeq; i--) {
      const e = log[i].event;
      if (e.type !== 'children' || !this.follows(e.path)) continue;
      for (const name of e.removed) this.dropChild(joinPath(e.path, name));
      if (e.truncated) this.list(e.path);
      else this.addChildren(e.path, e.added);
    }
    this.lastSeq = log.at(-1)?.seq ?? this.lastSeq;
  }

  private publish(capped = this.state.get().capped): void {
    this.state.set({ nodes: this.watched.size, capped });
  }
}
