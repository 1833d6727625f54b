import 'server-only';
import { sendFourLetterWord } from '@/lib/zk/four-letter-transport';
import { parseConnectString } from '@/lib/zk/host-port';
import { listSessions } from '@/lib/zk/registry';
import { describeSession } from '@/lib/zk/session-info';
import type { OwnSession } from '@/lib/shared/ensemble';

/** A session id as `dump` keys it: lower-case hex without 0x or leading zeros. */
export function normaliseSessionHex(id: string): string {
  return id.toLowerCase().replace(/^0x/, '').replace(/^0+(?=.)/, '');
}

/**
 * Parses the `dump` four-letter word (answered by the leader or a standalone server):
 * "Sessions with Ephemerals (N):" then "0x<id>:" lines each followed by tab-indented paths.
 */
export function parseDumpEphemerals(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const start = text.indexOf('Sessions with Ephemerals');
  if (start < 0) return out;
  let current: string[] | null = null;
  for (const line of text.slice(start).split('\n').slice(1)) {
    const session = line.match(/^0x([0-9a-f]+):\s*$/i);
    if (session) {
      current = [];
      out.set(normaliseSessionHex(session[1]), current);
    } else if (/^\s+\//.test(line) && current) {
      current.push(line.trim());
    } else if (line.trim() !== '') {
      break;
    }
  }
  return out;
}

/** `dump` lists server paths; a chrooted connection sees them without the chroot. */
export function underChroot(paths: string[], chroot: string | null): string[] {
  if (!chroot) return paths;
  return paths.filter((p) => p === chroot || p.startsWith(`${chroot}/`)).map((p) => p.slice(chroot.length) || '/');
}

export async function ephemeralsByServer(connectString: string): Promise<Map<string, string[]> | null> {
  const { servers, chroot } = parseConnectString(connectString);
  for (const s of servers) {
    const text = await sendFourLetterWord(s.host, s.port, 'dump').catch(() => null);
    if (text === null || !text.includes('Sessions with Ephemerals')) continue;
    const bySession = parseDumpEphemerals(text);
    for (const [id, paths] of bySession) bySession.set(id, underChroot(paths, chroot));
    return bySession;
  }
  return null;
}

/**
 * The dashboard's own ZooKeeper sessions; with `ephemerals`, also the nodes each one owns, from
 * `dump` — which walks every session on the leader, so only on an operator's explicit request.
 */
export async function listOwnSessions({ ephemerals = false }: { ephemerals?: boolean } = {}): Promise<OwnSession[]> {
  const sessions = listSessions();
  const dumps = new Map<string, Promise<Map<string, string[]> | null>>();
  return Promise.all(
    sessions.map(async ({ connectionId, authenticated, session }) => {
      const info = await describeSession(session);
      const cs = session.config.connectString;
      if (ephemerals && !dumps.has(cs)) dumps.set(cs, ephemeralsByServer(cs));
      const dump = ephemerals ? await dumps.get(cs)! : null;
      const id = info.sessionId && normaliseSessionHex(info.sessionId);
      return {
        ...info,
        connectionId,
        connectionName: session.config.name,
        authenticated,
        ephemerals: dump && id ? (dump.get(id) ?? []) : null,
        ephemeralsAsked: ephemerals,
      };
    }),
  );
}
