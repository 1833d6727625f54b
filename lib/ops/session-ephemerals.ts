import 'server-only';
import { fetchAdminCommand } from '@/lib/zk/admin-server';
import { parseConnectString } from '@/lib/zk/host-port';
import { adminFor } from './admin-reach';
import { ephemeralsByServer, normaliseSessionHex, underChroot } from './own-sessions';
import type { SessionEphemerals } from '@/lib/shared/wire';

/** The AdminServer's `dump`: session_id_to_ephemeral_paths, keyed by the decimal session id. */
async function adminEphemerals(adminUrl: string | null | undefined, host: string, owner: string): Promise<string[] | null> {
  const attempt = adminFor(adminUrl, host);
  if (!attempt) return null;
  const json = await fetchAdminCommand(attempt.base, 'dump', { timeoutMs: attempt.configured ? undefined : 800 }).catch(() => null);
  const bySession = json?.session_id_to_ephemeral_paths;
  if (!bySession || typeof bySession !== 'object') return null;
  for (const [id, paths] of Object.entries(bySession as Record<string, unknown>)) {
    if (!/^-?\d+$/.test(id) || !Array.isArray(paths)) continue;
    // Session ids are 64-bit: the decimal key is read as a BigInt, as two's complement when negative.
    const hex = BigInt.asUintN(64, BigInt(id)).toString(16);
    if (hex === owner) return paths.filter((p): p is string => typeof p === 'string');
  }
  return [];
}

/**
 * The ephemeral nodes one session owns: the four-letter `dump` where it is whitelisted, else the
 * AdminServer's `dump`. Both walk every session on the leader, so this runs on an explicit request.
 */
export async function sessionEphemerals(connectString: string, adminUrl: string | null | undefined, sessionId: string): Promise<SessionEphemerals> {
  const owner = normaliseSessionHex(sessionId);
  const session = `0x${owner}`;
  const bySession = await ephemeralsByServer(connectString);
  if (bySession) return { session, source: 'four-letter', paths: (bySession.get(owner) ?? []).sort() };
  const { servers, chroot } = parseConnectString(connectString);
  for (const s of servers) {
    const paths = await adminEphemerals(adminUrl, s.host, owner);
    if (paths) return { session, source: 'admin-server', paths: underChroot(paths, chroot).sort() };
  }
  return {
    session,
    source: null,
    paths: null,
    message:
      'Neither the four-letter word dump (add it to 4lw.commands.whitelist on the leader) nor the AdminServer (set this connection’s adminUrl) answered, so the other nodes of this session cannot be listed.',
  };
}
