import 'server-only';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { ConnectionConfig, ConnectionSasl, ConnectionTls } from '@/lib/shared/types';
import type { ConnectionSaslSummary, ConnectionTlsSummary } from '@/lib/shared/wire';

/**
 * The rules of a connection's TLS and SASL settings (files on the dashboard's server), what the
 * API shows of them (paths, never the key password), and what the binding's init takes.
 */

/** Why `file` cannot serve as `what`, or null. The C client splits its TLS files on commas. */
export function fileProblem(file: string, what: string): string | null {
  if (!path.isAbsolute(file)) return `${what} must be an absolute path on the dashboard's server (got "${file}")`;
  if (file.includes(',')) return `${what} must not contain a comma: the ZooKeeper C client splits its TLS settings on commas`;
  try {
    if (!statSync(file).isFile()) return `${what} "${file}" is not a file`;
    accessSync(file, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${what} "${file}" does not exist` : `${what} "${file}" cannot be read by the dashboard (${code})`;
  }
  return null;
}

const PEM_LABELS = { ca: 'CERTIFICATE', cert: 'CERTIFICATE', key: 'PRIVATE KEY' } as const;

/** The TLS files given: the CA always, the client certificate and key together or not at all. */
function tlsFiles(tls: ConnectionTls): Array<'ca' | 'cert' | 'key'> {
  return tls.cert ? ['ca', 'cert', 'key'] : ['ca'];
}

/** Why the TLS files would not work: missing, not PEM, or a key that does not open with its password. */
export function tlsProblem(tls: ConnectionTls): string | null {
  for (const field of tlsFiles(tls)) {
    const what = `tls.${field}`;
    const file = tls[field] ?? '';
    const problem = fileProblem(file, what);
    if (problem) return problem;
    // The file is the operator's, named at run time: not part of the build's trace.
    if (!readFileSync(/*turbopackIgnore: true*/ file, 'utf8').includes(`${PEM_LABELS[field]}-----`)) {
      return `${what} "${file}" is not a PEM ${PEM_LABELS[field].toLowerCase()} (-----BEGIN ${PEM_LABELS[field]}-----): the C client reads PEM only`;
    }
  }
  if (!tls.key) return null;
  if (tls.keyPassword?.includes(',')) return 'tls.keyPassword must not contain a comma: the ZooKeeper C client splits its TLS settings on commas';
  try {
    // An encrypted key without its password would make OpenSSL ask on the server's terminal.
    createPrivateKey({ key: readFileSync(tls.key), format: 'pem', passphrase: tls.keyPassword ?? '' });
  } catch {
    return tls.keyPassword
      ? `tls.key "${tls.key}" does not open with the given keyPassword`
      : `tls.key "${tls.key}" is encrypted (or unreadable as a key): give its keyPassword`;
  }
  return null;
}

const filePath = (what: string) => z.string({ error: `${what} is required` }).min(1, `${what} is required`);
/** An optional path: an empty string counts as none (the form sends its empty fields). */
const optionalPath = z.string().trim().optional().transform((v) => v || undefined);

export const tlsSchema = z
  .object({
    ca: filePath('tls.ca'),
    cert: optionalPath,
    key: optionalPath,
    keyPassword: z.string().optional(),
  })
  .strict()
  .superRefine((tls, ctx) => {
    // A server with ssl.clientAuth=none (or want) needs no client certificate; need (the default) does.
    if (Boolean(tls.cert) !== Boolean(tls.key)) {
      ctx.addIssue({ code: 'custom', path: [tls.cert ? 'key' : 'cert'], message: 'tls.cert and tls.key go together: give both (a client certificate) or neither' });
    }
    if (tls.keyPassword && !tls.key) ctx.addIssue({ code: 'custom', path: ['keyPassword'], message: 'tls.keyPassword is the password of tls.key: give the key too' });
  });

export const saslSchema = z
  .object({
    mechanism: z.literal('DIGEST-MD5', { error: 'sasl.mechanism must be "DIGEST-MD5" (Kerberos/GSSAPI is not supported)' }),
    username: z.string({ error: 'sasl.username is required' }).trim().min(1, 'sasl.username is required').max(256),
    passwordFile: filePath('sasl.passwordFile').superRefine((file, ctx) => {
      const problem = fileProblem(file, 'sasl.passwordFile');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  })
  .strict();

/** Why these settings would not work, or null. TLS and SASL together are a SASL login over TLS. */
export function securityProblem(c: { tls?: ConnectionTls | null; sasl?: ConnectionSasl | null }): string | null {
  return c.tls ? tlsProblem(c.tls) : null;
}

/** What the API shows: the paths, and whether a key password is set (never the password). */
export function tlsSummary(tls: ConnectionTls | null | undefined): ConnectionTlsSummary | null {
  return tls ? { ca: tls.ca, cert: tls.cert ?? null, key: tls.key ?? null, hasKeyPassword: Boolean(tls.keyPassword) } : null;
}

export function saslSummary(sasl: ConnectionSasl | null | undefined): ConnectionSaslSummary | null {
  return sasl ? { mechanism: sasl.mechanism, username: sasl.username, passwordFile: sasl.passwordFile } : null;
}

/**
 * The binding's init options (patches/zookeeper+7.3.0.patch): `ssl` "ca[,cert,key[,passwd]]"
 * and/or `sasl` (both: the SASL login runs over the TLS connection, zookeeper_init_ssl_sasl).
 */
export function bindingSecurity(config: Pick<ConnectionConfig, 'tls' | 'sasl'>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (config.tls) {
    const { ca, cert, key, keyPassword } = config.tls;
    out.ssl = [ca, ...(cert && key ? [cert, key, ...(keyPassword ? [keyPassword] : [])] : [])].join(',');
  }
  if (config.sasl) {
    // "zk-sasl-md5" is the server name a DIGEST-MD5 ZooKeeper server answers to.
    out.sasl = { mechlist: config.sasl.mechanism, service: 'zookeeper', host: 'zk-sasl-md5', user: config.sasl.username, password_file: config.sasl.passwordFile };
  }
  return out;
}
