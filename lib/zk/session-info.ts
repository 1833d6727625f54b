import 'server-only';
import { lookup } from 'node:dns/promises';
import { addressKey, parseConnectString, parseHostPort, type HostPort } from './host-port';
import type { ZkSession } from './session';
import type { SessionInfo } from '@/lib/shared/types';

const FIRST_CONNECT_WAIT_MS = 2000;

/**
 * The connect-string entry the C client's "ip:port" stands for, so the server is named as the
 * operator wrote it: by address, else by resolving the names; the bare "ip:port" when none fits.
 */
async function asConnectStringEntry(current: string, servers: HostPort[]): Promise<string> {
  const hp = parseHostPort(current);
  if (!hp) return current;
  const key = addressKey(hp.host, hp.port);
  const direct = servers.find((s) => addressKey(s.host, s.port) === key);
  if (direct) return direct.address;
  for (const s of servers.filter((x) => x.port === hp.port)) {
    const addresses = await lookup(s.host, { all: true }).catch(() => []);
    if (addresses.some((a) => addressKey(a.address, hp.port) === key)) return s.address;
  }
  return hp.address;
}

/** The session's state, id, negotiated timeout and the server it is connected to. */
export async function describeSession(session: ZkSession): Promise<SessionInfo> {
  if (session.currentState === 'connecting') {
    // A session created by this very request is usually connected within milliseconds.
    await Promise.race([session.ready().catch(() => undefined), new Promise((r) => setTimeout(r, FIRST_CONNECT_WAIT_MS))]);
  }
  const info = session.info();
  if (info.state === 'connected' && !info.server) {
    // The C client knows its server (zoo_get_current_server): no four-letter word is sent.
    const current = session.currentServer();
    const named = current ? await asConnectStringEntry(current, parseConnectString(session.config.connectString).servers) : null;
    // The session may have moved while the names resolved.
    if (named && session.currentServer() === current) session.server = named;
    info.server = session.server;
  }
  return info;
}
