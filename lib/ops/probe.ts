import 'server-only';
import type { ZkSession } from '@/lib/zk/session';
import { getEnsembleStatus } from './ensemble';
import type { EnsembleStatus } from '@/lib/shared/ensemble';

/** The ensemble as seen from a connection: its connect string plus the dynamic config if readable. */
export async function probeEnsemble(session: ZkSession): Promise<EnsembleStatus> {
  const dynamicConfig = await session.run((h) => h.getConfig()).catch(() => undefined);
  return getEnsembleStatus(session.config.connectString, { dynamicConfig });
}
