// Plain Node (no 'server-only'): the scripts' ZooKeeper manager uses the same transport.
import net from 'node:net';
import { parseDynamicConfig, parseZxid, type DynamicConfig } from '@/lib/ops/ensemble-model';
import type { FourLetterWord, Latency, ServerMode, Zxid } from '@/lib/shared/ensemble';

/**
 * ZooKeeper's four-letter words (srvr, mntr, conf, cons, wchs, ruok, isro) over a plain TCP
 * connection to the client port, and the AdminServer's JSON as a fallback. The parsers are pure and
 * tested against real 3.8 output (tests/unit/fixtures/zk-3.8).
 */

export const FOUR_LETTER_TIMEOUT_MS = 2_000;
/** `cons` on a busy server lists every connection; stop reading well before memory matters. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export type FourLetterFailure = 'unreachable' | 'timeout' | 'too-large';

export class FourLetterError extends Error {
  readonly kind: FourLetterFailure;
  constructor(kind: FourLetterFailure, message: string) {
    super(message);
    this.name = 'FourLetterError';
    this.kind = kind;
  }
}

export interface FourLetterOptions {
  timeoutMs?: number;
}

/**
 * Sends one four-letter word and returns the server's whole answer (the server closes the
 * connection when done). Rejects with a FourLetterError when the port does not answer in time.
 */
export function sendFourLetterWord(host: string, port: number, word: string, options: FourLetterOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? FOUR_LETTER_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (error: FourLetterError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(
      () => finish(new FourLetterError('timeout', `${host}:${port} did not answer "${word}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        finish(new FourLetterError('too-large', `The answer to "${word}" from ${host}:${port} is larger than ${MAX_RESPONSE_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      // A reset after the answer arrived still leaves a complete answer.
      if (chunks.length > 0 && e.code === 'ECONNRESET') finish(null);
      else finish(new FourLetterError('unreachable', describeSocketError(host, port, e)));
    });
  });
}

function describeSocketError(host: string, port: number, e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Connection refused by ${host}:${port} (server not running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Host not found: ${host}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `No route to ${host}`;
    case 'ECONNRESET':
      return `${host}:${port} closed the connection without answering`;
    default:
      return `Cannot connect to ${host}:${port}: ${e.message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Answer classification

export const NOT_SERVING_TEXT = 'This ZooKeeper instance is not currently serving requests';
const NOT_WHITELISTED = /^\s*(\w+) is not executed because it is not in the whitelist\.?/;

export type FourLetterAnswer =
  | { kind: 'ok'; text: string }
  | { kind: 'not-whitelisted'; word: string }
  | { kind: 'not-serving' };

/** Tells a real answer from the server's two refusals: not whitelisted, or not serving. */
export function classifyAnswer(text: string): FourLetterAnswer {
  const m = NOT_WHITELISTED.exec(text);
  if (m) return { kind: 'not-whitelisted', word: m[1] };
  if (text.trim() === NOT_SERVING_TEXT) return { kind: 'not-serving' };
  return { kind: 'ok', text };
}

/** What an operator changes so the dashboard can read the given words. */
export function whitelistHint(words: readonly string[]): string {
  const list = words.join(',');
  return (
    `Add ${list} to 4lw.commands.whitelist in zoo.cfg (e.g. 4lw.commands.whitelist=srvr,mntr,conf,cons,wchs,ruok,isro) ` +
    `or the system property -Dzookeeper.4lw.commands.whitelist, then restart the server; ` +
    `alternatively enable the AdminServer (admin.enableServer=true) and configure its port here.`
  );
}

// ---------------------------------------------------------------------------------------------
// Parsers (pure)

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

/** The AdminServer's /commands/monitor JSON, in `mntr` form (keys gain the zk_ prefix). */
export function adminMonitorToMntr(json: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!json || typeof json !== 'object') return out;
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    if (k === 'command' || k === 'error') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[`zk_${k}`] = String(v);
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

// ---------------------------------------------------------------------------------------------
// Typed queries

export type WordResult<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-whitelisted' | 'not-serving' | 'unparseable' | FourLetterFailure; message: string };

const PARSERS = {
  srvr: parseSrvr,
  mntr: parseMntr,
  conf: parseConf,
  cons: parseCons,
  wchs: parseWchs,
  ruok: parseRuok,
  isro: parseIsro,
} satisfies Record<FourLetterWord, (text: string) => unknown>;

export type WordValue<W extends FourLetterWord> = NonNullable<ReturnType<(typeof PARSERS)[W]>>;

/** Sends a word and parses the answer; every failure becomes a typed result, never a throw. */
export async function queryWord<W extends FourLetterWord>(
  host: string,
  port: number,
  word: W,
  options: FourLetterOptions = {},
): Promise<WordResult<WordValue<W>>> {
  let text: string;
  try {
    text = await sendFourLetterWord(host, port, word, options);
  } catch (e) {
    if (e instanceof FourLetterError) return { ok: false, reason: e.kind, message: e.message };
    throw e;
  }
  const answer = classifyAnswer(text);
  if (answer.kind === 'not-whitelisted') {
    return { ok: false, reason: 'not-whitelisted', message: `"${word}" is not in 4lw.commands.whitelist on ${host}:${port}` };
  }
  if (answer.kind === 'not-serving') {
    return { ok: false, reason: 'not-serving', message: 'Not currently serving requests (leader election in progress or no quorum)' };
  }
  const value = PARSERS[word](answer.text);
  if (value === null || (word === 'mntr' && Object.keys(value as object).length === 0)) {
    return { ok: false, reason: 'unparseable', message: `Unexpected answer to "${word}": ${answer.text.slice(0, 120)}` };
  }
  return { ok: true, value: value as WordValue<W> };
}

/** GETs an AdminServer command (http://host:adminPort/commands/NAME) and returns its JSON. */
export async function fetchAdminCommand(host: string, adminPort: number, command: string, options: FourLetterOptions = {}): Promise<Record<string, unknown>> {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${adminPort}/commands/${encodeURIComponent(command)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? FOUR_LETTER_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`AdminServer ${url} answered HTTP ${res.status}`);
  const json = (await res.json()) as Record<string, unknown>;
  if (json && typeof json.error === 'string' && json.error) throw new Error(`AdminServer ${command}: ${json.error}`);
  return json;
}
