import 'server-only';
import { sameSessionId } from './four-letter-parsers';
import { queryWord } from './four-letter-query';
import { parseConnectString } from './host-port';

export interface SessionLocation {
  /** Address of the server holding the session, or null when no queried server lists it. */
  server: string | null;
  /** Servers that refused `cons` (not whitelisted): the session may be on one of them. */
  unknown: string[];
}

/**
 * Finds which server a session is connected to by asking every server for `cons`. The C client
 * knows its server, but the binding does not expose it (node-zk.cpp binds only state, client_id,
 * client_password, timeout and is_unrecoverable), so the servers are asked instead.
 */
export async function locateSession(connectString: string, sessionId: string, options: { timeoutMs?: number } = {}): Promise<SessionLocation> {
  const { servers } = parseConnectString(connectString);
  const answers = await Promise.all(servers.map((hp) => queryWord(hp.host, hp.port, 'cons', options)));
  const unknown: string[] = [];
  for (let i = 0; i < servers.length; i++) {
    const a = answers[i];
    if (!a.ok) {
      if (a.reason === 'not-whitelisted') unknown.push(servers[i].address);
      continue;
    }
    if (a.value.some((e) => e.sessionId && sameSessionId(e.sessionId, sessionId))) return { server: servers[i].address, unknown: [] };
  }
  return { server: null, unknown };
}
