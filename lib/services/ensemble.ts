/** The ensemble behind a connection: its status now, and the last minutes of samples. */
import 'server-only';
import { getEnsembleHistory, keepSampling } from '@/lib/ops/ensemble-history';
import { probeEnsemble } from '@/lib/ops/probe';
import type { EnsembleHistory, EnsembleStatus } from '@/lib/shared/ensemble';
import type { ConnectionContext } from './connections';

export function ensembleStatus({ session }: ConnectionContext): Promise<EnsembleStatus> {
  return probeEnsemble(session);
}

/** Asking keeps the connection's sampler running (see keepSampling). */
export function ensembleHistory({ connection, session }: ConnectionContext): Promise<EnsembleHistory> {
  return getEnsembleHistory(connection.id, () => probeEnsemble(session));
}

/** Someone is using the connection: its charts keep filling for when they open the ensemble page. */
export function noteConnectionVisit({ connection, session }: ConnectionContext): void {
  keepSampling(connection.id, () => probeEnsemble(session));
}
