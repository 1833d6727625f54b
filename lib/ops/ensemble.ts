import 'server-only';
import { parseDynamicConfig, type DynamicConfigServer } from '@/lib/zk/dynamic-config';
import { ZkError } from '@/lib/zk/errors';
import { releaseVersion } from '@/lib/zk/four-letter-parsers';
import { addressKey, parseConnectString, parseHostPort, type HostPort } from '@/lib/zk/host-port';
import { computeHealth } from './ensemble-health';
import { sourceHint } from './source-hint';
import { probeServer, type Probe, type ProbeOptions } from './server-probe';
import type { EnsembleServer, EnsembleStatus } from '@/lib/shared/ensemble';

export interface EnsembleOptions extends ProbeOptions {
  /** The dynamic configuration text (getconfig on /zookeeper/config), when the caller has it. */
  dynamicConfig?: string;
  /** Average latency above this turns the health amber. Default: ZOOSCOPE_LATENCY_WARN_MS, else 100 ms. */
  latencyThresholdMs?: number;
  /** The server the dashboard's own session is connected to: the last source when nothing else answers. */
  sessionServer?: string | null;
  /** The connect string names TLS ports: four-letter words (plain text) give nothing there, so the hint names the AdminServer alone. */
  tls?: boolean;
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
/** ZOOSCOPE_LATENCY_WARN_MS, when it is a positive number. */
function configuredLatencyThresholdMs(): number | undefined {
  const ms = Number(process.env.ZOOSCOPE_LATENCY_WARN_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

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

  // The membership comes from the caller (getconfig: observers included), else from what the
  // servers report (`conf`, or the AdminServer's voting view, which has no observers).
  const given = options.dynamicConfig ? parseDynamicConfig(options.dynamicConfig) : null;
  const reported = [...probes.values()].find((p) => p.membership?.servers.length)?.membership ?? null;
  const config = given?.servers.length ? given : reported;
  const membership = config?.servers ?? [];
  if (membership.length) {
    // Match by the id each server reports first: host spellings differ (name vs IP, wildcard).
    for (const c of candidates) {
      const member = membership.find((m) => m.id === probes.get(c)?.serverId);
      if (member && !candidates.some((o) => o.config === member)) c.config = member;
    }
    const known = new Set(candidates);
    mergeMembership(candidates, membership);
    await probeAll(candidates.filter((c) => c.hp && !known.has(c)));
  }

  const servers = candidates.map((c) => toServer(c, probes.get(c), options));
  servers.sort((a, b) => (a.id ?? Infinity) - (b.id ?? Infinity) || a.address.localeCompare(b.address));
  const participants = membership.filter((m) => m.role === 'participant').length;
  const health = computeHealth(servers, { ensembleSize: participants || undefined, latencyThresholdMs: options.latencyThresholdMs ?? configuredLatencyThresholdMs() });
  return {
    checkedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    chroot: parsed.chroot,
    configVersion: config?.version ?? null,
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

function toServer(c: Candidate, probe: Probe | undefined, options: EnsembleOptions): EnsembleServer {
  const m = probe?.metrics ?? null;
  const s = probe?.srvr ?? null;
  const hp = c.hp;
  // Nothing answered, yet our session is connected there: the client API vouches it serves.
  const viaSession = !!probe && !probe.metricsSource && !!hp && !!options.sessionServer && addressKey(hp.host, hp.port) === sessionKey(options.sessionServer);
  const server: EnsembleServer = {
    address: hp?.address ?? `server.${c.config!.id} (${c.config!.host})`,
    host: hp?.host ?? c.config!.host,
    port: hp?.port ?? 0,
    id: c.config?.id ?? null,
    role: c.config?.role ?? null,
    source: c.fromConnectString ? (c.config ? 'both' : 'connect-string') : 'dynamic-config',
    queried: !!probe,
    reachable: viaSession || (probe?.reachable ?? false),
    serving: viaSession || (probe?.serving ?? false),
    mode: probe?.mode ?? s?.mode ?? (m && m.mode !== 'unknown' ? m.mode : 'unknown'),
    version: releaseVersion(s?.version ?? m?.version ?? null),
    build: s?.version ?? m?.version ?? null,
    zxid: probe?.zxid ?? s?.zxid ?? null,
    latency: s?.latency ?? m?.latency ?? null,
    outstanding: s?.outstanding ?? m?.outstanding ?? null,
    connections: s?.connections ?? m?.connections ?? null,
    watches: m?.watches ?? null,
    znodes: probe?.nodeCount ?? s?.nodeCount ?? m?.znodes ?? null,
    ephemerals: m?.ephemerals ?? null,
    dataSize: m?.dataSize ?? null,
    openFileDescriptors: m?.openFileDescriptors ?? null,
    maxFileDescriptors: m?.maxFileDescriptors ?? null,
    packetsReceived: s?.received ?? m?.packetsReceived ?? null,
    packetsSent: s?.sent ?? m?.packetsSent ?? null,
    uptimeMs: m?.uptimeMs ?? null,
    votingMembers: m?.votingMembers ?? null,
    metricsSource: viaSession ? 'client-api' : (probe?.metricsSource ?? null),
    queryMs: probe?.queryMs ?? 0,
  };
  if (server.mode === 'leader') {
    server.followers = m?.followers ?? null;
    server.syncedFollowers = m?.syncedFollowers ?? null;
  }
  if (!probe) {
    server.error = 'The dynamic config gives no client address for this server; add it to the connection string to monitor it';
    server.errorCode = 'noClientAddress';
  } else if (probe.error && !viaSession) {
    server.error = probe.error;
    if (probe.errorCode) server.errorCode = probe.errorCode;
  }
  if (probe?.disabled.length) server.disabledCommands = probe.disabled;
  if (probe && server.reachable && server.metricsSource !== 'admin-server' && server.metricsSource !== 'four-letter') {
    Object.assign(server, sourceHint(probe, options.adminUrl ?? null, options.tls ?? false));
  }
  return server;
}

function sessionKey(address: string): string | null {
  const hp = parseHostPort(address);
  return hp && addressKey(hp.host, hp.port);
}
