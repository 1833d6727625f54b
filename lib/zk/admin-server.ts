import 'server-only';
import { FOUR_LETTER_TIMEOUT_MS, type FourLetterOptions } from './four-letter-transport';

/** The AdminServer's HTTP commands: the fallback when `mntr` is not whitelisted. */

/** GETs an AdminServer command (http://host:adminPort/commands/NAME) and returns its JSON. */
export async function fetchAdminCommand(host: string, adminPort: number, command: string, options: FourLetterOptions = {}): Promise<Record<string, unknown>> {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${adminPort}/commands/${encodeURIComponent(command)}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? FOUR_LETTER_TIMEOUT_MS) });
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

