/** What makes an ACL entry valid, per scheme. Pure: the ACL editor and the API share it. */
import type { AclEntry } from '@/lib/shared/types';

export const ACL_SCHEMES = ['world', 'auth', 'digest', 'ip', 'sasl', 'x509'] as const;
export type AclScheme = (typeof ACL_SCHEMES)[number];

/** In ZooKeeper's "cdrwa" order; their names and descriptions are in the acl catalog (`perms.<letter>`). */
export const PERMISSIONS = [{ letter: 'c' }, { letter: 'd' }, { letter: 'r' }, { letter: 'w' }, { letter: 'a' }] as const;

/** What the id means for each scheme, and its fixed value where it has one. */
export const SCHEME_HELP: Record<AclScheme, { idLabel: string; fixedId?: string; placeholder: string }> = {
  world: { idLabel: 'anyone', fixedId: 'anyone', placeholder: 'anyone' },
  auth: { idLabel: 'every identity of the session that sets it', fixedId: '', placeholder: '' },
  digest: { idLabel: 'user:base64(sha1(user:password))', placeholder: 'alice:X/NSthOoRB8WyR3qzRSWbZEmVgs=' },
  ip: { idLabel: 'IPv4 or IPv6 address, optionally /prefix', placeholder: '10.0.0.0/8' },
  sasl: { idLabel: 'Kerberos or SASL principal', placeholder: 'kafka/broker1@EXAMPLE.COM' },
  x509: { idLabel: 'certificate subject DN', placeholder: 'CN=client,OU=ops,O=example' },
};

/**
 * What is wrong with one entry, as data: the browser words it from the `acl` catalog
 * (`problems.<code>`), the API in English (aclProblemText), so the two say the same.
 */
export type AclProblem =
  | { code: 'ipSlashes'; id: string }
  | { code: 'ipAddress'; address: string }
  | { code: 'ipPrefix'; prefix: string; max: number }
  | { code: 'unknownScheme'; scheme: string; schemes: string }
  | { code: 'perms'; perms: string }
  | { code: 'worldId' }
  | { code: 'authId' }
  | { code: 'digestId' }
  | { code: 'needsId'; scheme: 'sasl' | 'x509' };

/** What is wrong with an ACL as a whole; `index` counts entries from 1. */
export type AclListProblem = { code: 'empty' } | { code: 'entry'; index: number; subject: string; problem: AclProblem } | { code: 'twice'; index: number; subject: string };

/** The API's English for a problem (the REST API's messages stay English). */
export function aclProblemText(p: AclProblem | AclListProblem): string {
  switch (p.code) {
    case 'ipSlashes':
      return `"${p.id}" has more than one "/"`;
    case 'ipAddress':
      return `"${p.address}" is not an IPv4 or IPv6 address`;
    case 'ipPrefix':
      return `The prefix "/${p.prefix}" must be a whole number from 0 to ${p.max}`;
    case 'unknownScheme':
      return `Unknown scheme "${p.scheme}": use one of ${p.schemes}`;
    case 'perms':
      return `Permissions "${p.perms}" must be one or more distinct letters from "cdrwa"`;
    case 'worldId':
      return 'The world scheme has the single id "anyone"';
    case 'authId':
      return 'The auth scheme takes no id (leave it empty)';
    case 'digestId':
      return 'A digest id is "user:" followed by base64(sha1(user:password)); use the digest helper to compute it';
    case 'needsId':
      return `A ${p.scheme} entry needs an id (${SCHEME_HELP[p.scheme].idLabel})`;
    case 'empty':
      return 'An ACL needs at least one entry';
    case 'entry':
      return `Entry ${p.index} (${p.subject}): ${aclProblemText(p.problem)}`;
    case 'twice':
      return `Entry ${p.index} (${p.subject}) is listed twice; merge its permissions into one entry`;
  }
}

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

function ipProblem(id: string): AclProblem | null {
  const [address, prefix, extra] = id.split('/');
  if (extra !== undefined) return { code: 'ipSlashes', id };
  const v4 = ipv4Bytes(address);
  if (!v4 && !ipv6(address)) return { code: 'ipAddress', address };
  if (prefix === undefined) return null;
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return { code: 'ipPrefix', prefix, max };
  return null;
}

/** Checks an `ip` scheme id: an address, or address/prefix with the prefix in range. */
export function checkIpId(id: string): string | null {
  const problem = ipProblem(id);
  return problem && aclProblemText(problem);
}

/** The problem with one entry, or null when ZooKeeper will accept it. */
export function aclEntryProblem(entry: AclEntry): AclProblem | null {
  if (!(ACL_SCHEMES as readonly string[]).includes(entry.scheme)) return { code: 'unknownScheme', scheme: entry.scheme, schemes: ACL_SCHEMES.join(', ') };
  if (!/^[cdrwa]{1,5}$/.test(entry.perms) || new Set(entry.perms).size !== entry.perms.length) return { code: 'perms', perms: entry.perms };
  const scheme = entry.scheme as AclScheme;
  const fixed = SCHEME_HELP[scheme].fixedId;
  if (fixed !== undefined && entry.id !== fixed) return { code: scheme === 'world' ? 'worldId' : 'authId' };
  switch (scheme) {
    case 'digest':
      return DIGEST_ID.test(entry.id) ? null : { code: 'digestId' };
    case 'ip':
      return ipProblem(entry.id);
    case 'sasl':
    case 'x509':
      return entry.id.trim() === '' ? { code: 'needsId', scheme } : null;
    default:
      return null;
  }
}

/** checkAclEntry's problem in the API's English, or null. */
export function checkAclEntry(entry: AclEntry): string | null {
  const problem = aclEntryProblem(entry);
  return problem && aclProblemText(problem);
}

/** Every problem with an ACL, empty when it is valid. */
export function aclProblems(acl: readonly AclEntry[]): AclListProblem[] {
  if (acl.length === 0) return [{ code: 'empty' }];
  const problems: AclListProblem[] = [];
  const seen = new Set<string>();
  acl.forEach((e, i) => {
    const subject = `${e.scheme}:${e.id}`;
    const problem = aclEntryProblem(e);
    if (problem) problems.push({ code: 'entry', index: i + 1, subject, problem });
    const key = `${e.scheme}\u0000${e.id}`;
    if (seen.has(key)) problems.push({ code: 'twice', index: i + 1, subject });
    seen.add(key);
  });
  return problems;
}

/** aclProblems in the API's English. */
export function checkAcl(acl: readonly AclEntry[]): string[] {
  return aclProblems(acl).map(aclProblemText);
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
