import type { EnsembleServer, ServerMode } from '@/lib/shared/ensemble';

/** One server of an ensemble report, as the probe would write it: `mode` 'unknown' is a server that did not answer. */
export function ensembleServer(address: string, mode: ServerMode, extra: Partial<EnsembleServer> = {}): EnsembleServer {
  const [host, port] = address.split(':');
  const up = mode !== 'unknown';
  return {
    address,
    host,
    port: Number(port),
    id: null,
    role: null,
    source: 'connect-string',
    queried: true,
    reachable: up,
    serving: up,
    mode,
    version: '3.8.0',
    build: null,
    zxid: null,
    latency: { min: 0, avg: 1, max: 5 },
    outstanding: 0,
    connections: 1,
    watches: 0,
    znodes: 5,
    ephemerals: 0,
    dataSize: 0,
    openFileDescriptors: 100,
    maxFileDescriptors: 1000,
    packetsReceived: 0,
    packetsSent: 0,
    uptimeMs: 1000,
    votingMembers: null,
    metricsSource: 'four-letter',
    queryMs: 1,
    ...extra,
  };
}
