import 'server-only';
import { parseConnectString } from './host-port';
import { locateSession } from './session-location';
import type { ZkSession } from './session';
import type { SessionInfo } from '@/lib/shared/types';

const FIRST_CONNECT_WAIT_MS = 2000;

/** The session's state, id, negotiated timeout and the server it is connected to. */
export async function describeSession(session: ZkSession): Promise<SessionInfo> {
  if (session.currentState === 'connecting') {
    // A session created by this very request is usually connected within milliseconds.
    await Promise.race([session.ready().catch(() => undefined), new Promise((r) => setTimeout(r, FIRST_CONNECT_WAIT_MS))]);
  }
  const info = session.info();
  if (info.state === 'connected' && !info.server) {
    // With one server there is nothing to ask; with several, `cons` tells (once per connection).
    const { servers } = parseConnectString(session.config.connectString);
    session.server =
      servers.length === 1 ? servers[0].address : (await locateSession(session.config.connectString, info.sessionId ?? '')).server;
    info.server = session.server;
  }
  return info;
}
