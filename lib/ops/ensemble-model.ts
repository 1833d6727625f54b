/**
 * The pure logic behind the ensemble dashboard: connect-string and dynamic-config parsing, zxid
 * decoding and the red/amber/green health verdict. No I/O here, so the tests can exercise every
 * rule without a server.
 */
import type { EnsembleHealth, EnsembleServer, HealthProblem, ServerMode, Zxid } from '@/lib/shared/ensemble';

export const DEFAULT_CLIENT_PORT = 2181;
export const DEFAULT_LATENCY_THRESHOLD_MS = 100;

export interface HostPort {
  host: string;
  port: number;
  address: string;
}

function formatAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Parses "host", "host:port", "[v6]" or "[v6]:port". Returns null when it is not one of those. */
export function parseHostPort(text: string, defaultPort = DEFAULT_CLIENT_PORT): HostPort | null {
  const s = text.trim();
  if (!s) return null;
  let host: string;
  let portText: string | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) {
    host = v6[1];
    portText = v6[2];
  } else {
    const i = s.lastIndexOf(':');
    if (i >= 0 && s.indexOf(':') !== i) return null; // bare IPv6 without brackets is ambiguous
    host = i >= 0 ? s.slice(0, i) : s;
    portText = i >= 0 ? s.slice(i + 1) : undefined;
  }
  if (!host || /\s/.test(host)) return null;
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port, address: formatAddress(host, port) };
}

export interface ParsedConnectString {
  servers: HostPort[];
  /** The chroot suffix ("/kafka"), or null. */
  chroot: string | null;
  /** Entries that are not host[:port]. */
  invalid: string[];
}

/** Splits "h1:2181,h2:2181/chroot" into servers and chroot; duplicates are dropped. */
export function parseConnectString(connectString: string): ParsedConnectString {
  const slash = connectString.indexOf('/');
  const hosts = slash >= 0 ? connectString.slice(0, slash) : connectString;
  const chrootText = slash >= 0 ? connectString.slice(slash) : '';
  const chroot = chrootText && chrootText !== '/' ? chrootText.replace(/\/+$/, '') : null;
  const servers: HostPort[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of hosts.split(',')) {
    if (!part.trim()) continue;
    const hp = parseHostPort(part);
    if (!hp) invalid.push(part.trim());
    else if (!seen.has(addressKey(hp.host, hp.port))) {
      seen.add(addressKey(hp.host, hp.port));
      servers.push(hp);
    }
  }
  return { servers, chroot, invalid };
}

/** Matching key for an address: "localhost" and 127.0.0.1 are the same server. */
export function addressKey(host: string, port: number): string {
  const h = host.toLowerCase();
  return `${h === 'localhost' || h === '::1' ? '127.0.0.1' : h}:${port}`;
}

export interface DynamicConfigServer {
  id: number;
  /** Host used for quorum and election traffic. */
  host: string;
  quorumPort: number;
  electionPort: number;
  role: 'participant' | 'observer';
  /** The client address when the line has one (";[host:]port"); a wildcard host is replaced by `host`. */
  client: HostPort | null;
}

export interface DynamicConfig {
  servers: DynamicConfigServer[];
  /** The "version=" line (hex), when present. */
  version: string | null;
  /** Lines that look like server.N but could not be parsed. */
  invalid: string[];
}

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']);

/** Splits "host:p1:p2[:role]" (host may be a bracketed IPv6 address). */
function parseQuorumPart(text: string): { host: string; quorumPort: number; electionPort: number; role: string | null } | null {
  const m = /^(\[[^\]]+\]|[^:]+):(\d+):(\d+)(?::([a-z]+))?$/i.exec(text.trim());
  if (!m) return null;
  return {
    host: m[1].replace(/^\[|\]$/g, ''),
    quorumPort: Number(m[2]),
    electionPort: Number(m[3]),
    role: m[4]?.toLowerCase() ?? null,
  };
}

/**
 * Parses the dynamic configuration as getconfig returns it (/zookeeper/config) or as `conf` prints
 * it after "membership:": `server.N=host:quorumPort:electionPort[:role][;[clientHost:]clientPort]`
 * lines and a `version=` line. Other lines are ignored.
 */
export function parseDynamicConfig(text: string): DynamicConfig {
  const servers: DynamicConfigServer[] = [];
  const invalid: string[] = [];
  let version: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const v = /^version=([0-9a-fA-F]+)$/.exec(line);
    if (v) {
      version = v[1];
      continue;
    }
    const m = /^server\.(\d+)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [quorumText, clientText] = m[2].split(';');
    const quorum = parseQuorumPart(quorumText);
    if (!quorum || (quorum.role !== null && quorum.role !== 'participant' && quorum.role !== 'observer')) {
      invalid.push(line);
      continue;
    }
    let client: HostPort | null = null;
    if (clientText !== undefined && clientText.trim()) {
      const c = clientText.trim();
      const hp = /^\d+$/.test(c) ? { host: '', port: Number(c) } : parseHostPort(c, NaN);
      if (!hp || !Number.isInteger(hp.port)) {
        invalid.push(line);
        continue;
      }
      const host = WILDCARD_HOSTS.has(hp.host) ? quorum.host : hp.host;
      client = { host, port: hp.port, address: formatAddress(host, hp.port) };
    }
    servers.push({
      id: Number(m[1]),
      host: quorum.host,
      quorumPort: quorum.quorumPort,
      electionPort: quorum.electionPort,
      role: quorum.role === 'observer' ? 'observer' : 'participant',
      client,
    });
  }
  servers.sort((a, b) => a.id - b.id);
  return { servers, version, invalid };
}

/** "3.8.0-abc, built on 2022-02-25 08:49 UTC" → "3.8.0". */
export function releaseVersion(text: string | null): string | null {
  if (!text) return null;
  return /^\s*(\d+(?:\.\d+)+)/.exec(text)?.[1] ?? text.trim();
}

/** Decodes "0x100000003" (or a decimal string) into epoch and counter; null when not a zxid. */
export function parseZxid(text: string): Zxid | null {
  const s = text.trim();
  let value: bigint;
  try {
    if (/^0x[0-9a-f]+$/i.test(s)) value = BigInt(s);
    else if (/^\d+$/.test(s)) value = BigInt(s);
    else return null;
  } catch {
    return null;
  }
  if (value < BigInt(0) || value >= BigInt(1) << BigInt(64)) return null;
  return {
    hex: `0x${value.toString(16)}`,
    epoch: Number(value >> BigInt(32)),
    counter: Number(value & BigInt(0xffffffff)),
  };
}

export interface HealthOptions {
  /** Voting members known from the dynamic config, when it was available. */
  ensembleSize?: number;
  latencyThresholdMs?: number;
}

const SERVING_VOTER_MODES: ReadonlySet<ServerMode> = new Set(['leader', 'follower', 'standalone']);

function isVoter(s: EnsembleServer): boolean {
  return s.role !== 'observer' && s.mode !== 'observer';
}

/**
 * The health verdict. Red: nothing answers, no leader in an ensemble, or fewer serving voters than
 * a quorum. Amber: a server is down, not serving or read-only while quorum holds, followers out of
 * sync, more than one server claiming leadership, or latency above the threshold. Green otherwise.
 * Servers the dashboard could not query at all (no client address) are reported as info only.
 */
export function computeHealth(servers: readonly EnsembleServer[], options: HealthOptions = {}): EnsembleHealth {
  const latencyThresholdMs = options.latencyThresholdMs ?? DEFAULT_LATENCY_THRESHOLD_MS;
  const problems: HealthProblem[] = [];
  const queried = servers.filter((s) => s.queried);
  const reachable = queried.filter((s) => s.reachable).length;
  const standalone = queried.some((s) => s.mode === 'standalone');
  const voters = servers.filter(isVoter);
  const reported = Math.max(0, ...queried.map((s) => s.votingMembers ?? 0));
  // The dynamic config is authoritative; without it, count what we know of.
  const ensembleSize = standalone ? 1 : (options.ensembleSize ?? Math.max(voters.length, reported, 1));
  const quorumSize = Math.floor(ensembleSize / 2) + 1;
  const leaders = queried.filter((s) => s.mode === 'leader');
  const leader = leaders[0] ?? null;
  // A follower or observer only serves while it follows a live leader, so it vouches for one.
  const leaderPresent = standalone || leaders.length > 0 || queried.some((s) => s.serving && (s.mode === 'follower' || s.mode === 'observer'));
  const servingQueried = queried.filter((s) => s.serving && SERVING_VOTER_MODES.has(s.mode)).length;
  // The leader counts synced followers we may not have been able to query ourselves.
  const servingVoters = Math.max(servingQueried, leader?.syncedFollowers != null ? leader.syncedFollowers + 1 : 0);

  let followersSynced: boolean | null = null;
  if (!standalone && leader && leader.syncedFollowers != null) {
    followersSynced = leader.syncedFollowers >= ensembleSize - 1;
  }

  let red = false;
  let amber = false;
  if (queried.length === 0) {
    red = true;
    problems.push({ severity: 'error', message: 'No server address to query: the connection string names no valid host' });
  } else if (reachable === 0) {
    red = true;
    problems.push({ severity: 'error', message: 'No server is reachable' });
  } else if (!standalone) {
    if (!leaderPresent) {
      red = true;
      problems.push({ severity: 'error', message: 'No leader: the ensemble is electing or has lost quorum' });
    }
    // Voters we could not ask may be serving: only a shortfall they cannot cover is a lost quorum.
    const unqueriedVoters = voters.filter((s) => !s.queried).length;
    if (servingVoters + unqueriedVoters < quorumSize) {
      red = true;
      problems.push({
        severity: 'error',
        message: `Quorum lost: ${servingVoters} of ${ensembleSize} voting servers serving, ${quorumSize} needed`,
      });
    }
    if (leaders.length > 1) {
      amber = true;
      problems.push({ severity: 'warning', message: `${leaders.length} servers claim to be leader: ${leaders.map((l) => l.address).join(', ')}` });
    }
    if (followersSynced === false && leader) {
      amber = true;
      problems.push({
        severity: 'warning',
        message: `Only ${leader.syncedFollowers} of ${ensembleSize - 1} followers are in sync with the leader`,
        server: leader.address,
      });
    }
  }

  for (const s of servers) {
    if (!s.queried) {
      problems.push({ severity: 'info', message: s.error ?? 'Not queried', server: s.address });
      continue;
    }
    if (!s.reachable) {
      amber = true;
      problems.push({ severity: 'warning', message: `Server down: ${s.error ?? 'unreachable'}`, server: s.address });
    } else if (!s.serving) {
      amber = true;
      problems.push({ severity: 'warning', message: `Server not serving: ${s.error ?? 'no answer to requests'}`, server: s.address });
    } else if (s.mode === 'read-only') {
      amber = true;
      problems.push({ severity: 'warning', message: 'Server is in read-only mode (partitioned from the quorum)', server: s.address });
    }
    if (s.latency && s.latency.avg > latencyThresholdMs) {
      amber = true;
      problems.push({
        severity: 'warning',
        message: `Average latency ${s.latency.avg} ms is above the ${latencyThresholdMs} ms threshold`,
        server: s.address,
      });
    }
    if (s.disabledCommands?.length) {
      problems.push({
        severity: 'info',
        message: `Four-letter words not whitelisted: ${s.disabledCommands.join(', ')} (see 4lw.commands.whitelist)`,
        server: s.address,
      });
    }
  }

  return {
    status: red ? 'red' : amber ? 'amber' : 'green',
    ensembleSize,
    quorumSize,
    reachable,
    servingVoters,
    leaderPresent,
    leader: leader?.address ?? null,
    followersSynced,
    latencyThresholdMs,
    problems,
  };
}
