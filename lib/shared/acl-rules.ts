/** What makes an ACL entry valid, per scheme. Pure: the ACL editor and the API share it. */
import type { AclEntry } from '@/lib/shared/types';

export const ACL_SCHEMES = ['world', 'auth', 'digest', 'ip', 'sasl', 'x509'] as const;
export type AclScheme = (typeof ACL_SCHEMES)[number];

export const PERMISSIONS = [
  { letter: 'c', name: 'create', description: 'create children' },
  { letter: 'd', name: 'delete', description: 'delete children' },
  { letter: 'r', name: 'read', description: 'read data and list children' },
  { letter: 'w', name: 'write', description: 'set data' },
  { letter: 'a', name: 'admin', description: 'change the ACL' },
] as const;

/** What the id means for each scheme, and its fixed value where it has one. */
export const SCHEME_HELP: Record<AclScheme, { idLabel: string; fixedId?: string; placeholder: string }> = {
  world: { idLabel: 'anyone', fixedId: 'anyone', placeholder: 'anyone' },
  auth: { idLabel: 'every identity of the session that sets it', fixedId: '', placeholder: '' },
  digest: { idLabel: 'user:base64(sha1(user:password))', placeholder: 'alice:X/NSthOoRB8WyR3qzRSWbZEmVgs=' },
  ip: { idLabel: 'IPv4 or IPv6 address, optionally /prefix', placeholder: '10.0.0.0/8' },
  sasl: { idLabel: 'Kerberos or SASL principal', placeholder: 'kafka/broker1@EXAMPLE.COM' },
  x509: { idLabel: 'certificate subject DN', placeholder: 'CN=client,OU=ops,O=example' },
};

const DIGEST_ID = /^[^:\s]+:[A-Za-z0-9+/]{27}=$/;

function ipv4Bytes(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  let count = 0;
  for (const [i, g] of groups.entries()) {
    // An embedded IPv4 address (::ffff:10.0.0.1) counts as two groups and must come last.
    if (g.includes('.')) {
      if (i !== groups.length - 1 || !ipv4Bytes(g)) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Checks an `ip` scheme id: an address, or address/prefix with the prefix in range. */
export function checkIpId(id: string): string | null {
  const [address, prefix, extra] = id.split('/');
  if (extra !== undefined) return `"${id}" has more than one "/"`;
  const v4 = ipv4Bytes(address);
  if (!v4 && !ipv6(address)) return `"${address}" is not an IPv4 or IPv6 address`;
  if (prefix === undefined) return null;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `The prefix "/${prefix}" must be a whole number from 0 to ${max}`;
  return null;
}

/** The problem with one entry, or null when ZooKeeper will accept it. */
export function checkAclEntry(entry: AclEntry): string | null {
  if (!(ACL_SCHEMES as readonly string[]).includes(entry.scheme)) return `Unknown scheme "${entry.scheme}": use one of ${ACL_SCHEMES.join(', ')}`;
  if (!/^[cdrwa]{1,5}$/.test(entry.perms) || new Set(entry.perms).size !== entry.perms.length) {
    return `Permissions "${entry.perms}" must be one or more distinct letters from "cdrwa"`;
  }
  const scheme = entry.scheme as AclScheme;
  const fixed = SCHEME_HELP[scheme].fixedId;
  if (fixed !== undefined && entry.id !== fixed) return scheme === 'world' ? 'The world scheme has the single id "anyone"' : 'The auth scheme takes no id (leave it empty)';
  switch (scheme) {
    case 'digest':
      return DIGEST_ID.test(entry.id) ? null : 'A digest id is "user:" followed by base64(sha1(user:password)); use the digest helper to compute it';
    case 'ip':
      return checkIpId(entry.id);
    case 'sasl':
    case 'x509':
      return entry.id.trim() === '' ? `A ${scheme} entry needs an id (${SCHEME_HELP[scheme].idLabel})` : null;
    default:
      return null;
  }
}

/** Every problem with an ACL (entries numbered from 1), empty when it is valid. */
export function checkAcl(acl: readonly AclEntry[]): string[] {
  if (acl.length === 0) return ['An ACL needs at least one entry'];
  const problems: string[] = [];
  const seen = new Set<string>();
  acl.forEach((e, i) => {
    const problem = checkAclEntry(e);
    if (problem) problems.push(`Entry ${i + 1} (${e.scheme}:${e.id}): ${problem}`);
    const key = `${e.scheme}\u0000${e.id}`;
    if (seen.has(key)) problems.push(`Entry ${i + 1} (${e.scheme}:${e.id}) is listed twice; merge its permissions into one entry`);
    seen.add(key);
  });
  return problems;
}

/**
 * checkAcl, plus what depends on the session: an `auth` entry stands for the identities the
 * session authenticated with (digest credentials here), and with none ZooKeeper refuses the ACL.
 */
export function checkAclForSession(acl: readonly AclEntry[], authenticated: boolean): string[] {
  const problems = checkAcl(acl);
  if (!authenticated && acl.some((e) => e.scheme === 'auth')) {
    problems.push('The auth scheme stands for the identities this connection authenticated with, and it has none: add credentials (a digest credential) first, or use a digest entry');
  }
  return problems;
}

/**
 * Whether an ACL still lets its setter change it: some entry grants admin (a) to an identity the
 * setter may hold. `world:anyone` always; `auth` too (ZooKeeper stores the session's own
 * identities in its place, and refuses it from a session without any); `digest` when
 * `holdsDigest(id)` says so; ip, sasl and x509 when they might be how the connection itself is
 * identified (which the dashboard cannot see).
 */
export function keepsAdmin(acl: readonly AclEntry[], holdsDigest: (id: string) => boolean): boolean {
  return acl.some((e) => e.perms.includes('a') && (e.scheme !== 'digest' || holdsDigest(e.id)));
}
