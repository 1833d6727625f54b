import 'server-only';
import { parseDynamicConfig, type DynamicConfig } from './dynamic-config';
import type { Latency, ServerMode, Zxid } from '@/lib/shared/ensemble';

/**
 * Parsers of the four-letter words' answers (srvr, mntr, conf, cons, wchs, ruok, isro) and of the
 * values inside them. Pure; tested against real 3.8 output (tests/unit/fixtures/zk-3.8).
 */

function num(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Maps a server's self-description ("leader", "following - broadcast", "read-only", …) to a mode. */
export function modeFromText(text: string | undefined | null): ServerMode {
  const t = (text ?? '').trim().toLowerCase();
  if (t === 'leader' || t.startsWith('leading')) return 'leader';
  if (t === 'follower' || t.startsWith('following')) return 'follower';
  if (t === 'observer' || t.startsWith('observing')) return 'observer';
  if (t === 'standalone') return 'standalone';
  if (t === 'read-only' || t === 'readonly' || t === 'ro') return 'read-only';
  return 'unknown';
}

/** "a/b/c" → three numbers, or null. */
function triple(text: string | undefined): [number, number, number] | null {
  const parts = text?.split('/').map((p) => num(p));
  if (!parts || parts.length !== 3 || parts.some((p) => p === null)) return null;
  return parts as [number, number, number];
}

function parseLatency(text: string | undefined): Latency | null {
  const t = triple(text);
  return t && { min: t[0], avg: t[1], max: t[2] };
}

export interface SrvrInfo {
  version: string | null;
  latency: Latency | null;
  received: number | null;
  sent: number | null;
  connections: number | null;
  outstanding: number | null;
  zxid: Zxid | null;
  mode: ServerMode;
  nodeCount: number | null;
  /** Leader only: "Proposal sizes last/min/max". */
  proposalSizes: { last: number; min: number; max: number } | null;
}

/** Parses `srvr` (and the server part of `stat`). Null when the text is not such an answer. */
export function parseSrvr(text: string): SrvrInfo | null {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith(' ')) fields.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  if (!fields.has('zookeeper version') && !fields.has('mode')) return null;
  const proposal = triple(fields.get('proposal sizes last/min/max'));
  return {
    version: fields.get('zookeeper version') ?? null,
    latency: parseLatency(fields.get('latency min/avg/max')),
    received: num(fields.get('received')),
    sent: num(fields.get('sent')),
    connections: num(fields.get('connections')),
    outstanding: num(fields.get('outstanding')),
    zxid: fields.has('zxid') ? parseZxid(fields.get('zxid')!) : null,
    mode: modeFromText(fields.get('mode')),
    nodeCount: num(fields.get('node count')),
    proposalSizes: proposal && { last: proposal[0], min: proposal[1], max: proposal[2] },
  };
}

/** Parses `mntr` ("zk_key<TAB>value" lines) into a plain map. */
export function parseMntr(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^(zk_[A-Za-z0-9_.]+)\s+(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].trim();
  }
  return out;
}

export interface MntrMetrics {
  version: string | null;
  mode: ServerMode;
  /** zk_peer_state, e.g. "following - broadcast" (3.6+). */
  peerState: string | null;
  latency: Latency | null;
  packetsReceived: number | null;
  packetsSent: number | null;
  connections: number | null;
  outstanding: number | null;
  znodes: number | null;
  watches: number | null;
  ephemerals: number | null;
  dataSize: number | null;
  openFileDescriptors: number | null;
  maxFileDescriptors: number | null;
  uptimeMs: number | null;
  /** zk_quorum_size (3.6+): voting members in this server's configuration. */
  votingMembers: number | null;
  /** Leader only: zk_followers (≤3.5) or zk_learners (3.6+). */
  followers: number | null;
  syncedFollowers: number | null;
  pendingSyncs: number | null;
}

/** Picks the dashboard's fields out of a `mntr` map; absent keys become null. */
export function mntrMetrics(m: Record<string, string>): MntrMetrics {
  const min = num(m.zk_min_latency);
  const avg = num(m.zk_avg_latency);
  const max = num(m.zk_max_latency);
  return {
    version: m.zk_version ?? null,
    mode: modeFromText(m.zk_server_state),
    peerState: m.zk_peer_state ?? null,
    latency: min !== null && avg !== null && max !== null ? { min, avg, max } : null,
    packetsReceived: num(m.zk_packets_received),
    packetsSent: num(m.zk_packets_sent),
    connections: num(m.zk_num_alive_connections),
    outstanding: num(m.zk_outstanding_requests),
    znodes: num(m.zk_znode_count),
    watches: num(m.zk_watch_count),
    ephemerals: num(m.zk_ephemerals_count),
    dataSize: num(m.zk_approximate_data_size),
    openFileDescriptors: num(m.zk_open_file_descriptor_count),
    maxFileDescriptors: num(m.zk_max_file_descriptor_count),
    uptimeMs: num(m.zk_uptime),
    votingMembers: num(m.zk_quorum_size),
    followers: num(m.zk_followers ?? m.zk_learners),
    syncedFollowers: num(m.zk_synced_followers),
    pendingSyncs: num(m.zk_pending_syncs),
  };
}

export interface ConfInfo {
  /** key=value settings before the membership section. */
  settings: Record<string, string>;
  serverId: number | null;
  /** The dynamic configuration after "membership:", when the server is part of an ensemble. */
  membership: DynamicConfig | null;
}

/** Parses `conf`. Ensemble members append "membership:" and their dynamic configuration. */
export function parseConf(text: string): ConfInfo {
  const settings: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === 'membership:');
  for (const line of at >= 0 ? lines.slice(0, at) : lines) {
    const i = line.indexOf('=');
    if (i > 0) settings[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const membership = at >= 0 ? parseDynamicConfig(lines.slice(at + 1).join('\n')) : null;
  const id = num(settings.serverId);
  return { settings, serverId: id !== null && Number.isInteger(id) ? id : null, membership };
}

export interface ConsEntry {
  /** Client address as the server sees it, e.g. "127.0.0.1:55354". */
  client: string;
  /** "0x30000064ea70000", or null for a connection without a session yet. */
  sessionId: string | null;
  queued: number | null;
  received: number | null;
  sent: number | null;
  lastOperation: string | null;
  /** When the connection was established, ms since the epoch. */
  established: number | null;
  timeoutMs: number | null;
  lastZxid: string | null;
  latency: Latency | null;
}

/** Parses `cons`: one line per client connection, " /ip:port[n](k=v,…)". */
export function parseCons(text: string): ConsEntry[] {
  const out: ConsEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\/?(\S+?)\[\d+\]\((.*)\)\s*$/.exec(line);
    if (!m) continue;
    const kv: Record<string, string> = {};
    for (const pair of m[2].split(',')) {
      const i = pair.indexOf('=');
      if (i > 0) kv[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
    }
    const min = num(kv.minlat);
    const avg = num(kv.avglat);
    const max = num(kv.maxlat);
    out.push({
      client: m[1],
      sessionId: kv.sid ?? null,
      queued: num(kv.queued),
      received: num(kv.recved),
      sent: num(kv.sent),
      lastOperation: kv.lop ?? null,
      established: num(kv.est),
      timeoutMs: num(kv.to),
      lastZxid: kv.lzxid ?? null,
      latency: min !== null && avg !== null && max !== null ? { min, avg, max } : null,
    });
  }
  return out;
}

/** True when two session ids ("0x1000…", "1000…", decimal) denote the same session. */
export function sameSessionId(a: string, b: string): boolean {
  const norm = (s: string): bigint | null => {
    const t = s.trim().toLowerCase();
    try {
      if (/^0x[0-9a-f]+$/.test(t)) return BigInt(t);
      if (/^[0-9a-f]+$/.test(t)) return BigInt(`0x${t}`);
    } catch {
      return null;
    }
    return null;
  };
  const x = norm(a);
  return x !== null && x === norm(b);
}

export interface WchsInfo {
  connections: number;
  paths: number;
  watches: number;
}

/** Parses `wchs`: "N connections watching M paths" and "Total watches:W". */
export function parseWchs(text: string): WchsInfo | null {
  const a = /(\d+) connections watching (\d+) paths/.exec(text);
  const b = /Total watches:\s*(\d+)/.exec(text);
  if (!a || !b) return null;
  return { connections: Number(a[1]), paths: Number(a[2]), watches: Number(b[1]) };
}

/** `ruok` answers "imok" when the server is running (it does not mean it is serving). */
export function parseRuok(text: string): boolean {
  return text.trim() === 'imok';
}

/** `isro`: "rw", "ro", or "null" while the server is not serving. */
export function parseIsro(text: string): 'rw' | 'ro' | null {
  const t = text.trim();
  return t === 'rw' || t === 'ro' ? t : null;
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

