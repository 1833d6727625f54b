/** The use cases of a tab's live event stream: open or resume it, change what it watches. */
import 'server-only';
import { ZkError, isZkError } from '@/lib/zk/errors';
import { mapLimit } from '@/lib/zk/map-limit';
import { describeSession } from '@/lib/zk/session-info';
import { parseEventId, type SubscriptionsAnswer, type WatchKind, type WatchSnapshot } from '@/lib/shared/events';
import type { ConnectionContext } from '../connections';
import type { SseConnection, SseHandlers } from './frames';
import { LiveStream, findStream } from './stream';
// Registers the end of streams with their sign-in session, and the periodic role re-check.
import './stream-lifetime';

/**
 * A new stream, or the resumption of the one named by the last event id the browser got. An
 * unknown one gets a new stream and a resync instruction. Returns what serves the connection.
 */
export async function openEvents(ctx: ConnectionContext, lastEventId: string | null): Promise<SseHandlers> {
  // A session this request creates is usually connected within milliseconds: say so in hello.
  const session = await describeSession(ctx.session);
  const last = parseEventId(lastEventId);
  const resumed = last ? findStream(ctx, last.stream) : null;
  const stream = resumed ?? new LiveStream(ctx);
  let connection: SseConnection | null = null;
  return {
    open(conn) {
      connection = conn;
      stream.attach(conn, resumed ? last!.seq : null, session);
      if (lastEventId && !resumed) {
        stream.deliver({
          type: 'resync',
          at: Date.now(),
          reason: 'unknown-stream',
          message: 'The previous event stream is gone (server restarted or away too long): subscribe again and reload what is shown.',
        });
      }
    },
    drain: () => stream.flush(),
    closed() {
      if (connection) stream.detach(connection);
    },
  };
}

export interface Subscription {
  path: string;
  kind: WatchKind;
}

export interface SubscriptionChange {
  /** The stream id from its hello event. */
  stream: string;
  add: Subscription[];
  remove: Subscription[];
}

/** Removals first, then additions; each addition answers on its own. */
export async function changeSubscriptions(ctx: ConnectionContext, change: SubscriptionChange): Promise<SubscriptionsAnswer> {
  const stream = findStream(ctx, change.stream);
  if (!stream) {
    throw new ZkError('INVALID_REQUEST', 'This event stream no longer exists: open a new one', undefined, { stream: 'unknown' });
  }
  for (const s of change.remove) stream.unsubscribe(s.path, s.kind);
  // All the additions fit under the caps, or none is made (429 WATCH_LIMIT).
  stream.reserve(change.add);
  const added: WatchSnapshot[] = [];
  const failed: SubscriptionsAnswer['failed'] = [];
  await mapLimit(change.add, 32, async (s) => {
    try {
      added.push(await stream.subscribe(s.path, s.kind));
    } catch (e) {
      if (!isZkError(e)) throw e;
      failed.push({ path: s.path, kind: s.kind, code: e.code, message: e.message });
    }
  });
  return { stream: stream.id, subscriptions: stream.subscriptionCount, added, failed };
}
