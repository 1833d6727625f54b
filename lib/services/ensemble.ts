/** The ensemble behind a connection: its status now, and the last minutes of samples. */
import 'server-only';
import { getEnsembleHistory } from '@/lib/ops/ensemble-history';
import { probeEnsemble } from '@/lib/ops/probe';
import type { EnsembleHistory, EnsembleStatus } from '@/lib/shared/ensemble';
import type { ConnectionContext } from './connections';

export function ensembleStatus({ session }: ConnectionContext): Promise<EnsembleStatus> {
  return probeEnsemble(session);
}

/** Asking keeps the connection's sampler running for a minute. */
export function ensembleHistory({ connection, session }: ConnectionContext): EnsembleHistory {
  return getEnsembleHistory(connection.id, () => probeEnsemble(session));
}
