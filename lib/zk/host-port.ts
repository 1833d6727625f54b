import 'server-only';

/** Addresses as connect strings and dynamic configs write them: host[:port] lists with a chroot. */

const DEFAULT_CLIENT_PORT = 2181;

export interface HostPort {
  host: string;
  port: number;
  address: string;
}

/** "host:port", with an IPv6 host in brackets. */
export function formatAddress(host: string, port: number): string {
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

