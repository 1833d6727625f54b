import 'server-only';
import { fetchAdminCommand, adminMonitorToMntr } from '@/lib/zk/admin-server';
import { parseDynamicConfig, type DynamicConfigServer } from '@/lib/zk/dynamic-config';
import { ZkError } from '@/lib/zk/errors';
import { mntrMetrics, releaseVersion, type ConfInfo, type MntrMetrics, type SrvrInfo } from '@/lib/zk/four-letter-parsers';
import { queryWord, whitelistHint, type WordResult } from '@/lib/zk/four-letter-query';
import { addressKey, parseConnectString, type HostPort } from '@/lib/zk/host-port';
import { computeHealth } from './ensemble-health';
import type { EnsembleServer, EnsembleStatus, FourLetterWord } from '@/lib/shared/ensemble';

export interface EnsembleOptions {
  /** The dynamic configuration text (getconfig on /zookeeper/config), when the caller has it. */
  dynamicConfig?: string;
  /** Per-command timeout; the servers are asked in parallel. Default 2 s. */
  timeoutMs?: number;
  /** Average latency above this turns the health amber. Default 100 ms. */
  latencyThresholdMs?: number;
  /**
   * AdminServer port, for every server or per "host:port" client address, used when `mntr` is not
   * whitelisted. Without it, no HTTP request is made.
   */
  adminPort?: number | Record<string, number>;
}

interface Candidate {
  hp: HostPort | null;
  config: DynamicConfigServer | null;
  fromConnectString: boolean;
}

/**
 * Asks every server of the ensemble (from the connect string, the dynamic config the caller passes
 * and the membership the servers report in `conf`) for its state, in parallel, and computes the
 * health verdict. Never throws for an unreachable server: that is part of the answer.
 */
export async function getEnsembleStatus(connectString: string, options: EnsembleOptions = {}): Promise<EnsembleStatus> {
  const started = performance.now();
  const parsed = parseConnectString(connectString);
  if (parsed.servers.length === 0) {
    throw new ZkError(
      'INVALID_REQUEST',
      `The connection string "${connectString}" names no host:port${parsed.invalid.length ? ` (invalid: ${parsed.invalid.join(', ')})` : ''}`,
    );
  }
  const candidates: Candidate[] = parsed.servers.map((hp) => ({ hp, config: null, fromConnectString: true }));
  const probes = new Map<Candidate, Probe>();
  const probeAll = async (list: Candidate[]) => {
    const results = await Promise.all(list.map((c) => probeServer(c.hp!, options)));
    list.forEach((c, i) => probes.set(c, results[i]));
  };
  await probeAll(candidates);

  // The membership comes from the caller (getconfig) or from what the servers print in `conf`.
  const given = options.dynamicConfig ? parseDynamicConfig(options.dynamicConfig).servers : [];
  const reported = [...probes.values()].find((p) => p.conf?.membership?.servers.length)?.conf?.membership?.servers ?? [];
  const membership = given.length ? given : reported;
  if (membership.length) {
    // Match by the id each server reports first: host spellings differ (name vs IP, wildcard).
    for (const c of candidates) {
      const member = membership.find((m) => m.id === probes.get(c)?.conf?.serverId);
      if (member && !candidates.some((o) => o.config === member)) c.config = member;
    }
    const known = new Set(candidates);
    mergeMembership(candidates, membership);
    await probeAll(candidates.filter((c) => c.hp && !known.has(c)));
  }

  const servers = candidates.map((c) => toServer(c, probes.get(c)));
  servers.sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || a.address.localeCompare(b.address));
  const participants = membership.filter((m) => m.role === 'participant').length;
  const health = computeHealth(servers, { ensembleSize: participants || undefined, latencyThresholdMs: options.latencyThresholdMs });
  return {
    checkedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    chroot: parsed.chroot,
    servers,
    health,
  };
}

/**
 * Attaches dynamic-config members to candidates: by client address, then (for members without
 * one) by elimination among the still unmatched connect-string servers on the member's host, and
 * adds the members that match nothing.
 */
function mergeMembership(candidates: Candidate[], members: readonly DynamicConfigServer[]): void {
  const attached = (m: DynamicConfigServer) => candidates.some((c) => c.config === m);
  const free = () => candidates.filter((c) => c.hp && !c.config);
  for (const m of members) {
    if (attached(m) || !m.client) continue;
    const key = addressKey(m.client.host, m.client.port);
    const match = free().find((c) => addressKey(c.hp!.host, c.hp!.port) === key);
    if (match) match.config = m;
  }
  const hostOf = (host: string) => addressKey(host, 0);
  for (const m of members) {
    if (attached(m) || m.client) continue;
    const sameHost = free().filter((c) => hostOf(c.hp!.host) === hostOf(m.host));
    const unmatched = members.filter((o) => !o.client && !attached(o) && hostOf(o.host) === hostOf(m.host));
    if (sameHost.length === 1 && unmatched.length === 1) sameHost[0].config = m;
  }
  const rest = members.filter((m) => !attached(m));
  const left = free();
  if (rest.length === 1 && !rest[0].client && left.length === 1) left[0].config = rest[0];
  else for (const m of rest) candidates.push({ hp: m.client, config: m, fromConnectString: false });
}

interface Probe {
  reachable: boolean;
  serving: boolean;
  srvr: SrvrInfo | null;
  metrics: MntrMetrics | null;
  metricsSource: EnsembleServer['metricsSource'];
  conf: ConfInfo | null;
  disabled: FourLetterWord[];
  error?: string;
  queryMs: number;
}

const UNREACHABLE = new Set(['unreachable', 'timeout']);

function adminPortFor(options: EnsembleOptions, hp: HostPort): number | undefined {
  if (typeof options.adminPort === 'number') return options.adminPort;
  return options.adminPort?.[hp.address];
}

async function probeServer(hp: HostPort, options: EnsembleOptions): Promise<Probe> {
  const started = performance.now();
  const opts = { timeoutMs: options.timeoutMs };
  const [srvr, mntr, conf] = await Promise.all([
    queryWord(hp.host, hp.port, 'srvr', opts),
    queryWord(hp.host, hp.port, 'mntr', opts),
    queryWord(hp.host, hp.port, 'conf', opts),
  ]);
  const results: Array<[FourLetterWord, WordResult<unknown>]> = [
    ['srvr', srvr],
    ['mntr', mntr],
    ['conf', conf],
  ];
  const failures = results.flatMap(([, r]) => (r.ok ? [] : [r]));
  const disabled = results.filter(([, r]) => !r.ok && r.reason === 'not-whitelisted').map(([w]) => w);
  const probe: Probe = {
    reachable: true,
    serving: true,
    srvr: srvr.ok ? srvr.value : null,
    metrics: mntr.ok ? mntrMetrics(mntr.value) : null,
    metricsSource: mntr.ok ? 'four-letter' : null,
    conf: conf.ok ? conf.value : null,
    disabled,
    queryMs: 0,
  };
  if (failures.length === results.length && failures.every((f) => UNREACHABLE.has(f.reason))) {
    probe.reachable = false;
    probe.serving = false;
    probe.error = failures[0].message;
  } else if (failures.some((f) => f.reason === 'not-serving')) {
    probe.serving = false;
    probe.error = failures.find((f) => f.reason === 'not-serving')!.message;
  } else if (!srvr.ok && !mntr.ok) {
    probe.error = srvr.message;
  }
  if (probe.reachable && probe.serving && !mntr.ok && mntr.reason === 'not-whitelisted') {
    const adminPort = adminPortFor(options, hp);
    if (adminPort) {
      try {
        probe.metrics = mntrMetrics(adminMonitorToMntr(await fetchAdminCommand(hp.host, adminPort, 'monitor', opts)));
        probe.metricsSource = 'admin-server';
      } catch (e) {
        probe.error = `mntr is not whitelisted and the AdminServer fallback failed: ${(e as Error).message}`;
      }
    }
  }
  probe.queryMs = Math.round(performance.now() - started);
  return probe;
}

function toServer(c: Candidate, probe: Probe | undefined): EnsembleServer {
  const m = probe?.metrics ?? null;
  const s = probe?.srvr ?? null;
  const hp = c.hp;
  const server: EnsembleServer = {
    address: hp?.address ?? `server.${c.config!.id} (${c.config!.host})`,
    host: hp?.host ?? c.config!.host,
    port: hp?.port ?? 0,
    id: c.config?.id ?? null,
    role: c.config?.role ?? null,
    source: c.fromConnectString ? (c.config ? 'both' : 'connect-string') : 'dynamic-config',
    queried: !!probe,
    reachable: probe?.reachable ?? false,
    serving: probe?.serving ?? false,
    mode: s?.mode ?? (m && m.mode !== 'unknown' ? m.mode : 'unknown'),
    version: releaseVersion(s?.version ?? m?.version ?? null),
    build: s?.version ?? m?.version ?? null,
    zxid: s?.zxid ?? null,
    latency: s?.latency ?? m?.latency ?? null,
    outstanding: s?.outstanding ?? m?.outstanding ?? null,
    connections: s?.connections ?? m?.connections ?? null,
    watches: m?.watches ?? null,
    znodes: s?.nodeCount ?? m?.znodes ?? null,
    ephemerals: m?.ephemerals ?? null,
    dataSize: m?.dataSize ?? null,
    openFileDescriptors: m?.openFileDescriptors ?? null,
    maxFileDescriptors: m?.maxFileDescriptors ?? null,
    packetsReceived: s?.received ?? m?.packetsReceived ?? null,
    packetsSent: s?.sent ?? m?.packetsSent ?? null,
    uptimeMs: m?.uptimeMs ?? null,
    votingMembers: m?.votingMembers ?? null,
    metricsSource: probe?.metricsSource ?? (s ? 'four-letter' : null),
    queryMs: probe?.queryMs ?? 0,
  };
  if (server.mode === 'leader') {
    server.followers = m?.followers ?? null;
    server.syncedFollowers = m?.syncedFollowers ?? null;
  }
  if (!probe) server.error = 'The dynamic config gives no client address for this server; add it to the connection string to monitor it';
  else if (probe.error) server.error = probe.error;
  if (probe?.disabled.length) {
    server.disabledCommands = probe.disabled;
    server.hint = whitelistHint(probe.disabled);
  }
  return server;
}
