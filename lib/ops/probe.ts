import 'server-only';
import type { ZkSession } from '@/lib/zk/session';
import { describeSession } from '@/lib/zk/session-info';
import { getEnsembleStatus } from './ensemble';
import type { EnsembleStatus } from '@/lib/shared/ensemble';

/**
 * The ensemble as seen from a connection: its connect string, the membership in /zookeeper/config
 * (readable by any client, so it also serves when `conf` is refused), the connection's AdminServer
 * template, and the server the session is on (the last source of all).
 */
export async function probeEnsemble(session: ZkSession): Promise<EnsembleStatus> {
  const dynamicConfig = await session.run((h) => h.getConfig()).catch(() => undefined);
  const sessionServer = session.currentState === 'connected' ? (await describeSession(session)).server : null;
  return getEnsembleStatus(session.config.connectString, { dynamicConfig, adminUrl: session.config.adminUrl, sessionServer, tls: Boolean(session.config.tls) });
}
