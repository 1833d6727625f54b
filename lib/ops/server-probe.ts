import 'server-only';
import type { AdminReading } from '@/lib/zk/admin-server';
import type { DynamicConfig } from '@/lib/zk/dynamic-config';
import { mntrMetrics, type MntrMetrics, type SrvrInfo } from '@/lib/zk/four-letter-parsers';
import { queryWord, type WordResult } from '@/lib/zk/four-letter-query';
import type { HostPort } from '@/lib/zk/host-port';
import { adminFor, tryAdmin } from './admin-reach';
import type { FourLetterWord, MetricsSource, ServerErrorCode, ServerMode, Zxid } from '@/lib/shared/ensemble';

/**
 * One server asked through whatever it allows, best source first: its AdminServer, the
 * four-letter words `mntr` and `conf`, `srvr` alone (always allowed). Never throws.
 */

export interface Probe {
  reachable: boolean;
  serving: boolean;
  srvr: SrvrInfo | null;
  metrics: MntrMetrics | null;
  /** From the AdminServer when it answered (srvr's fields, without asking srvr). */
  mode: ServerMode | null;
  zxid: Zxid | null;
  nodeCount: number | null;
  metricsSource: MetricsSource | null;
  serverId: number | null;
  membership: DynamicConfig | null;
  disabled: FourLetterWord[];
  /** Why the AdminServer did not answer, when it was asked. */
  adminError: string | null;
  error?: string;
  errorCode?: ServerErrorCode;
  queryMs: number;
}

/** A failed word's reason as the wire's stable code. */
const ERROR_CODES: Record<Exclude<WordResult<unknown>, { ok: true }>['reason'], ServerErrorCode> = {
  'not-whitelisted': 'notWhitelisted',
  'not-serving': 'notServing',
  unparseable: 'unparseable',
  unreachable: 'unreachable',
  timeout: 'timeout',
  'too-large': 'tooLarge',
};

export interface ProbeOptions {
  timeoutMs?: number;
  /** The connection's AdminServer URL template; without one, port 8080 is guessed once. */
  adminUrl?: string | null;
}

const UNREACHABLE = new Set(['unreachable', 'timeout']);

export async function probeServer(hp: HostPort, options: ProbeOptions): Promise<Probe> {
  const started = performance.now();
  const opts = { timeoutMs: options.timeoutMs };
  const attempt = adminFor(options.adminUrl, hp.host);
  const [admin, srvr] = await Promise.all([attempt ? tryAdmin(attempt, options.timeoutMs) : null, queryWord(hp.host, hp.port, 'srvr', opts)]);
  const probe =
    admin && 'reading' in admin ? fromAdmin(admin.reading, srvr) : await fromWords(hp, srvr, opts, admin?.error ?? null);
  probe.queryMs = Math.round(performance.now() - started);
  return probe;
}

function fromAdmin(reading: AdminReading, srvr: WordResult<SrvrInfo>): Probe {
  return {
    reachable: true,
    serving: reading.mode !== 'unknown',
    srvr: srvr.ok ? srvr.value : null,
    metrics: reading.metrics,
    mode: reading.mode,
    zxid: reading.zxid,
    nodeCount: reading.nodeCount,
    metricsSource: 'admin-server',
    serverId: reading.serverId,
    membership: reading.membership,
    disabled: [],
    adminError: null,
    queryMs: 0,
  };
}

async function fromWords(hp: HostPort, srvr: WordResult<SrvrInfo>, opts: { timeoutMs?: number }, adminError: string | null): Promise<Probe> {
  const [mntr, conf] = await Promise.all([queryWord(hp.host, hp.port, 'mntr', opts), queryWord(hp.host, hp.port, 'conf', opts)]);
  const results: Array<[FourLetterWord, WordResult<unknown>]> = [
    ['srvr', srvr],
    ['mntr', mntr],
    ['conf', conf],
  ];
  const failures = results.flatMap(([, r]) => (r.ok ? [] : [r]));
  const probe: Probe = {
    reachable: true,
    serving: true,
    srvr: srvr.ok ? srvr.value : null,
    metrics: mntr.ok ? mntrMetrics(mntr.value) : null,
    mode: null,
    zxid: null,
    nodeCount: null,
    metricsSource: mntr.ok ? 'four-letter' : srvr.ok ? 'srvr' : null,
    serverId: conf.ok ? conf.value.serverId : null,
    membership: conf.ok ? conf.value.membership : null,
    disabled: results.filter(([, r]) => !r.ok && r.reason === 'not-whitelisted').map(([w]) => w),
    adminError,
    queryMs: 0,
  };
  if (failures.length === results.length && failures.every((f) => UNREACHABLE.has(f.reason))) {
    probe.reachable = false;
    probe.serving = false;
    probe.error = failures[0].message;
    probe.errorCode = ERROR_CODES[failures[0].reason];
  } else if (failures.some((f) => f.reason === 'not-serving')) {
    probe.serving = false;
    probe.error = failures.find((f) => f.reason === 'not-serving')!.message;
    probe.errorCode = 'notServing';
  } else if (!srvr.ok && !mntr.ok) {
    probe.error = srvr.message;
    probe.errorCode = ERROR_CODES[srvr.reason];
  }
  return probe;
}
