/**
 * Caps on live watching, per operator sign-in session and per process: a stream holds a
 * connection and its buffers, a subscription a share of a ZooKeeper watch and its state. Past
 * them a request is refused with 429 WATCH_LIMIT, never queued. Each cap is read from the
 * environment when used (docs/security.md lists them).
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import { processSingleton } from '@/lib/zk/singleton';

/** Subscriptions per stream. */
export const MAX_SUBSCRIPTIONS = 5000;

const DEFAULTS = {
  /** Streams per sign-in session (a browser tab each; a reload's old stream lingers for the grace period). */
  ZOOSCOPE_LIVE_SESSION_STREAMS: 32,
  /** Subscriptions across a sign-in session's streams. */
  ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS: 20_000,
  /** Streams in the whole server. */
  ZOOSCOPE_LIVE_MAX_STREAMS: 512,
  /** Subscriptions in the whole server. */
  ZOOSCOPE_LIVE_MAX_SUBSCRIPTIONS: 200_000,
};

function limit(name: keyof typeof DEFAULTS): number {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULTS[name];
}

interface Usage {
  streams: number;
  subscriptions: number;
}

const usage = processSingleton('liveUsage', () => ({ total: { streams: 0, subscriptions: 0 } as Usage, bySession: new Map<string, Usage>() }));

function ofSession(owner: string): Usage {
  let u = usage.bySession.get(owner);
  if (!u) usage.bySession.set(owner, (u = { streams: 0, subscriptions: 0 }));
  return u;
}

function forget(owner: string, u: Usage): void {
  if (u.streams === 0 && u.subscriptions === 0) usage.bySession.delete(owner);
}

const refuse = (message: string, limit: string, max: number) => new ZkError('WATCH_LIMIT', message, undefined, { limit, max });

/**
 * Counts a new stream of `owner` (an operator's sign-in session), or refuses it. At a cap,
 * `endIdlest` may first end a stream nobody reads (its tab gone, in its grace period): true if it did.
 */
export function admitStream(owner: string, endIdlest: (owner: string | null) => boolean): void {
  const perSession = limit('ZOOSCOPE_LIVE_SESSION_STREAMS');
  if (ofSession(owner).streams >= perSession && !endIdlest(owner)) {
    throw refuse(`This sign-in session already has ${perSession} event streams open, the most allowed: close other tabs of this dashboard`, 'session-streams', perSession);
  }
  const total = limit('ZOOSCOPE_LIVE_MAX_STREAMS');
  if (usage.total.streams >= total && !endIdlest(null)) {
    throw refuse(`The server already serves ${total} event streams, the most allowed: try again later`, 'streams', total);
  }
  ofSession(owner).streams++;
  usage.total.streams++;
}

export function releaseStream(owner: string): void {
  const u = ofSession(owner);
  u.streams = Math.max(0, u.streams - 1);
  usage.total.streams = Math.max(0, usage.total.streams - 1);
  forget(owner, u);
}

/** Counts `n` new subscriptions of `owner`, or refuses them all. */
export function admitSubscriptions(owner: string, n: number): void {
  const u = ofSession(owner);
  const perSession = limit('ZOOSCOPE_LIVE_SESSION_SUBSCRIPTIONS');
  if (u.subscriptions + n > perSession) {
    forget(owner, u);
    throw refuse(
      `This sign-in session watches ${u.subscriptions} nodes and asked for ${n} more; at most ${perSession} across its event streams: close other tabs or watch fewer nodes`,
      'session-subscriptions',
      perSession,
    );
  }
  const total = limit('ZOOSCOPE_LIVE_MAX_SUBSCRIPTIONS');
  if (usage.total.subscriptions + n > total) {
    forget(owner, u);
    throw refuse(`The server already watches ${usage.total.subscriptions} nodes for its streams, at most ${total}: try again later or watch fewer nodes`, 'subscriptions', total);
  }
  u.subscriptions += n;
  usage.total.subscriptions += n;
}

export function releaseSubscriptions(owner: string, n: number): void {
  const u = ofSession(owner);
  u.subscriptions = Math.max(0, u.subscriptions - n);
  usage.total.subscriptions = Math.max(0, usage.total.subscriptions - n);
  forget(owner, u);
}

/** The stream cap, for a stream's own check (one message for all three). */
export function refuseStreamSubscriptions(has: number, asked: number): ZkError {
  return refuse(`A stream watches at most ${MAX_SUBSCRIPTIONS} nodes; this one watches ${has} and asked for ${asked} more`, 'stream-subscriptions', MAX_SUBSCRIPTIONS);
}
