import 'server-only';
import { formatAddress, parseHostPort, type HostPort } from './host-port';

/** The ensemble's membership as ZooKeeper writes it: getconfig on /zookeeper/config, or `conf`. */

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

