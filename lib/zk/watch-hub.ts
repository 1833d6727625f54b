import 'server-only';
import { ZkError } from './errors';
import { describeSession } from './session-info';
import { processSingleton } from './singleton';
import { defaultHubOptions, type HubOptions } from './watch-entry';
import { WatchSet, type HubStats } from './watch-set';
import { WriteAttribution } from './write-attribution';
import type { LiveEvent, LiveSessionState, SessionEvent, WatchKind, WatchSnapshot } from '@/lib/shared/events';
import { checkPath } from '@/lib/shared/path';
import type { ZkSession } from './session';

/**
 * The watch hub: one ZooKeeper watch per (session, path, kind), however many browsers look at
 * that path (watch-set.ts arms them; watch-read.ts reads and re-arms in one call, so a change
 * between trigger and re-arm is never missed). The hub also tells every attached browser what
 * happens to the session: disconnects, reconnects, expiry and recovery.
 *
 * Only subscribed paths are watched and only their own state is kept (a stat, and for child
 * lists up to `childrenDiffLimit` names): nothing walks or caches the tree.
 */

/** Whoever receives a hub's events: one browser stream. */
export interface LiveSubscriber {
  deliver(event: LiveEvent): void;
}

export class WatchHub {
  private readonly session: ZkSession;
  private readonly watches: WatchSet;
  private readonly attached = new Set<LiveSubscriber>();
  private readonly writes = new WriteAttribution();
  private disconnected = false;
  private expired = false;

  constructor(session: ZkSession, options: Partial<HubOptions> = {}) {
    this.session = session;
    this.watches = new WatchSet(session, { ...defaultHubOptions(), ...options }, this.writes);
    session.on('disconnected', () => this.onDisconnected());
    session.on('connected', () => this.onConnected());
    session.on('expired', () => this.onExpired());
    session.on('recovered', () => void this.onRecovered());
    session.on('closed', () => this.onClosed());
  }

  /** A subscriber receives session events from now on, and node events for what it subscribes to. */
  attach(subscriber: LiveSubscriber): void {
    this.attached.add(subscriber);
  }

  /** Ends every subscription of a subscriber. */
  detach(subscriber: LiveSubscriber): void {
    this.attached.delete(subscriber);
    this.watches.leaveAll(subscriber);
  }

  /** Starts watching (or joins the existing watch) and returns the current state. */
  async subscribe(subscriber: LiveSubscriber, path: string, kind: WatchKind): Promise<WatchSnapshot> {
    const check = checkPath(path);
    if (!check.ok) throw new ZkError('INVALID_PATH', check.reason, path);
    const entry = await this.watches.join(subscriber, path, kind);
    return { path, kind, exists: entry.exists, stat: entry.stat };
  }

  unsubscribe(subscriber: LiveSubscriber, path: string, kind: WatchKind): void {
    this.watches.leave(subscriber, path, kind);
  }

  /** Marks the next event on `path` as made by `who` (a write through this dashboard). */
  attribute(path: string, who: string): void {
    this.writes.note(path, who);
  }

  subscriberCount(path: string, kind: WatchKind): number {
    return this.watches.subscriberCount(path, kind);
  }

  stats(): HubStats {
    return this.watches.stats();
  }

  private broadcast(state: LiveSessionState, message: string, extra: Partial<SessionEvent> = {}): void {
    const info = this.session.info();
    const event: SessionEvent = {
      type: 'session',
      at: Date.now(),
      state,
      sessionId: info.sessionId,
      server: info.server,
      message,
      ...extra,
    };
    for (const s of this.attached) s.deliver(event);
  }

  // ---- session -----------------------------------------------------------------------------

  private onDisconnected(): void {
    this.disconnected = true;
    this.broadcast('disconnected', 'Lost the connection to ZooKeeper; reconnecting. Watches resume when the session does.');
  }

  private onConnected(): void {
    if (this.expired) return; // 'recovered' follows at once
    const wasDisconnected = this.disconnected;
    this.disconnected = false;
    this.watches.resumeFailed();
    void describeSession(this.session).then((info) => {
      const server = info.server ? ` (${info.server})` : '';
      if (wasDisconnected) this.broadcast('reconnected', `Reconnected to ZooKeeper${server} with the same session.`, { server: info.server });
      else this.broadcast('connected', `Connected to ZooKeeper${server}.`, { server: info.server });
    });
  }

  private onExpired(): void {
    this.expired = true;
    this.watches.forgetArmed();
    this.broadcast(
      'expired',
      'The ZooKeeper session expired: ephemeral nodes owned by the dashboard are gone and all watches were lost. A new session is being established.',
    );
  }

  /** A new session: every watch is set again, and what changed meanwhile is reported. */
  private async onRecovered(): Promise<void> {
    this.expired = false;
    this.disconnected = false;
    const ok = await this.watches.rearmAll();
    const info = await describeSession(this.session);
    this.broadcast('recovered', `Connected with a new ZooKeeper session; ${ok} watch${ok === 1 ? '' : 'es'} re-established.`, {
      server: info.server,
      sessionId: info.sessionId,
      watches: ok,
    });
  }

  private onClosed(): void {
    this.watches.clear();
    this.broadcast('closed', 'The connection was closed by the dashboard.');
    this.attached.clear();
  }
}

/** One hub per session, shared by every route bundle; dropped when the session closes. */
const hubs = processSingleton('watchHubs', () => new WeakMap<ZkSession, WatchHub>());

/**
 * Names `who` as the author of the next event on each of `paths` (a write through the dashboard:
 * the node, and for a create or delete its parent). Costs nothing when nobody watches.
 */
export function noteWrite(session: ZkSession, paths: readonly string[], who: string): void {
  const hub = hubs.get(session);
  if (hub) for (const p of paths) hub.attribute(p, who);
}

/** The hub of a session (one per session, shared by every route bundle). */
export function getWatchHub(session: ZkSession): WatchHub {
  let hub = hubs.get(session);
  if (!hub) {
    const created = new WatchHub(session);
    session.once('closed', () => hubs.get(session) === created && hubs.delete(session));
    hubs.set(session, (hub = created));
  }
  return hub;
}
