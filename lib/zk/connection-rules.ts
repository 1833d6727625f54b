import 'server-only';
import { z } from 'zod';
import { saslSchema, securityProblem, tlsSchema } from './connection-security';
import { parseConnectString } from './host-port';
import { checkPath } from '@/lib/shared/path';

/** The rules of a connection's settings, for the config file and the connections API alike. */

export const DEFAULT_SESSION_TIMEOUT_MS = 30_000;
export const CONNECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const RESERVED_ID = 'test';

/** Why a connect string ("h1:2181,h2:2181/chroot") would not work, or null. */
export function connectStringProblem(text: string): string | null {
  const s = text.trim();
  if (!s) return 'The connect string is empty: give host:port[,host:port…][/chroot]';
  if (/\s/.test(s)) return 'The connect string contains spaces: write host:port,host:port without them';
  const { servers, chroot, invalid } = parseConnectString(s);
  if (invalid.length) return `Not a host[:port] (port 1–65535; an IPv6 host in brackets): ${invalid.map((i) => `"${i}"`).join(', ')}`;
  if (servers.length === 0) return 'The connect string names no server: give at least one host:port before the chroot';
  const slash = s.indexOf('/');
  if ((slash >= 0 ? s.slice(0, slash) : s).split(',').some((p) => !p)) return 'The connect string has an empty entry between commas';
  if (chroot) {
    const check = checkPath(chroot);
    if (!check.ok) return `The chroot "${chroot}" is not a valid ZooKeeper path: ${check.reason}`;
  }
  return null;
}

/** Why an AdminServer URL template would not work, or null. */
export function adminUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.replaceAll('{host}', 'host.invalid'));
  } catch {
    return `"${text}" is not a URL: write e.g. http://{host}:8080/commands`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The AdminServer URL must start with http:// or https://';
  if (url.search || url.hash) return 'The AdminServer URL takes no query or fragment: the command names are appended to its path';
  if (url.username || url.password) return 'The AdminServer URL must not carry credentials';
  return null;
}

const withRule = (problem: (s: string) => string | null) => (s: string, ctx: z.RefinementCtx) => {
  const p = problem(s);
  if (p) ctx.addIssue({ code: 'custom', message: p });
};

/** The fields of one connection as the file and the API write them. */
export const connectionFields = {
  id: z
    .string({ error: 'id is required' })
    .regex(CONNECTION_ID, 'id must be 1–64 letters, digits, _ or -')
    // POST /api/v1/connections/test tests unsaved settings: a connection of that id would be unreachable.
    .refine((id) => id !== RESERVED_ID, `the id "${RESERVED_ID}" is reserved (/api/v1/connections/test tests unsaved settings); choose another`),
  name: z.string().trim().min(1, 'name must not be empty').max(200).optional(),
  connectString: z.string({ error: 'connectString is required' }).superRefine(withRule(connectStringProblem)),
  sessionTimeoutMs: z.number().int().min(2000, 'sessionTimeoutMs must be at least 2000').max(600_000, 'sessionTimeoutMs must be at most 600000').optional(),
  readOnly: z.boolean().optional(),
  adminUrl: z.string().superRefine(withRule(adminUrlProblem)).nullable().optional(),
  tls: tlsSchema.nullable().optional(),
  sasl: saslSchema.nullable().optional(),
};

/** A connection from the config file: its TLS files are checked as they are (the API checks them in the service, after keeping a stored key password). */
export const fileConnectionSchema = z.object(connectionFields).superRefine((c, ctx) => {
  const problem = securityProblem(c);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [c.tls ? 'tls' : 'sasl'] });
});
