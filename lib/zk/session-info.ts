import 'server-only';
import { locateSession } from '@/lib/ops/ensemble';
import type { ZkSession } from './session';
import type { SessionInfo } from '@/lib/shared/types';

const FIRST_CONNECT_WAIT_MS = 2000;

/** Hosts of a connect string, without a chroot suffix. */
export function connectHosts(connectString: string): string[] {
  const slash = connectString.indexOf('/');
  const hosts = slash >= 0 ? connectString.slice(0, slash) : connectString;
  return hosts.split(',').map((h) => h.trim()).filter(Boolean);
}

/** The session's state, id, negotiated timeout and the server it is connected to. */
export async function describeSession(session: ZkSession): Promise<SessionInfo> {
  if (session.currentState === 'connecting') {
    // A session created by this very request is usually connected within milliseconds.
    await Promise.race([session.ready().catch(() => undefined), new Promise((r) => setTimeout(r, FIRST_CONNECT_WAIT_MS))]);
  }
  const info = session.info();
  if (info.state === 'connected' && !info.server) {
    const hosts = connectHosts(session.config.connectString);
    session.server =
      hosts.length === 1 ? hosts[0] : (await locateSession(session.config.connectString, info.sessionId ?? '')).server;
    info.server = session.server;
  }
  return info;
}
