import 'server-only';
import { parseDynamicConfig, type DynamicConfig } from './dynamic-config';
import { mntrMetrics, modeFromText, parseZxid, type MntrMetrics } from './four-letter-parsers';
import { FOUR_LETTER_TIMEOUT_MS, type FourLetterOptions } from './four-letter-transport';
import type { ServerMode, Zxid } from '@/lib/shared/ensemble';

/**
 * The AdminServer (HTTP, on by default at port 8080 since 3.5): the same facts as `mntr`, `srvr`
 * and `conf`, as JSON, whatever 4lw.commands.whitelist says.
 */

/** Where ZooKeeper 3.5–3.9 listen by default (admin.serverPort). */
export const DEFAULT_ADMIN_URL = 'http://{host}:8080/commands';

/** The base URL of one server's AdminServer: `{host}` in the template becomes the member's host. */
export function adminBaseUrl(template: string, host: string): string {
  return template.replaceAll('{host}', host.includes(':') ? `[${host}]` : host).replace(/\/+$/, '');
}

/** GETs one command (BASE/NAME) and returns its JSON; a command's own "error" is thrown. */
export async function fetchAdminCommand(base: string, command: string, options: FourLetterOptions = {}): Promise<Record<string, unknown>> {
  const url = `${base}/${encodeURIComponent(command)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? FOUR_LETTER_TIMEOUT_MS), redirect: 'error' });
  if (!res.ok) throw new Error(`AdminServer ${url} answered HTTP ${res.status}`);
  const json = (await res.json()) as Record<string, unknown>;
  if (json && typeof json.error === 'string' && json.error) throw new Error(`AdminServer ${command}: ${json.error}`);
  return json;
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

/** What one server's AdminServer tells: the metrics of `mntr`, the zxid of `srvr`, the id and membership of `conf`. */
export interface AdminReading {
  metrics: MntrMetrics;
  mode: ServerMode;
  zxid: Zxid | null;
  nodeCount: number | null;
  serverId: number | null;
  /** The voting members (voting_view): participants only, observers are not in it. */
  membership: DynamicConfig | null;
}

const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

interface VotingMember {
  server_addresses?: string[];
  election_addresses?: string[];
  client_address?: string;
  learner_type?: string;
}

/** voting_view's {"1": {server_addresses, election_addresses, client_address, learner_type}, …} as dynamic-config lines. */
function votingView(json: Record<string, unknown>): DynamicConfig | null {
  const view = json.current_config;
  if (!view || typeof view !== 'object') return null;
  const lines = Object.entries(view as Record<string, VotingMember>).flatMap(([id, m]) => {
    const quorum = m.server_addresses?.[0];
    const election = m.election_addresses?.[0]?.split(':').at(-1);
    if (!quorum || !election) return [];
    return [`server.${id}=${quorum}:${election}:${m.learner_type ?? 'participant'}${m.client_address ? `;${m.client_address}` : ''}`];
  });
  return lines.length ? parseDynamicConfig(lines.join('\n')) : null;
}

/** Reads monitor, server_stats, configuration and voting_view in parallel; throws when monitor fails. */
export async function readAdminServer(base: string, options: FourLetterOptions = {}): Promise<AdminReading> {
  const optional = (command: string) => fetchAdminCommand(base, command, options).catch(() => null);
  const [monitor, stats, configuration, voting] = await Promise.all([
    fetchAdminCommand(base, 'monitor', options),
    optional('server_stats'),
    optional('configuration'),
    optional('voting_view'),
  ]);
  const metrics = mntrMetrics(adminMonitorToMntr(monitor));
  const serverStats = (stats?.server_stats ?? {}) as Record<string, unknown>;
  const zxid = serverStats.last_processed_zxid;
  const readOnly = stats?.read_only === true;
  const id = number(configuration?.server_id);
  return {
    metrics,
    mode: readOnly ? 'read-only' : metrics.mode !== 'unknown' ? metrics.mode : modeFromText(String(serverStats.server_state ?? '')),
    zxid: typeof zxid === 'number' || typeof zxid === 'string' ? parseZxid(String(zxid)) : null,
    nodeCount: number(stats?.node_count),
    // A standalone server reports server_id 0, which names no server.N.
    serverId: id !== null && id > 0 ? id : null,
    membership: voting && votingView(voting),
  };
}
