/**
 * The error codes of the API envelope: stable, English-free identifiers the UI switches on.
 * Shared by the server (which maps ZooKeeper return codes to them) and the browser.
 */
import type { MessageParams } from './ensemble';

export const ERROR_CODES = [
  'INVALID_PATH',
  'INVALID_REQUEST',
  'NO_NODE',
  'UNKNOWN_CONNECTION',
  'NODE_EXISTS',
  'BAD_VERSION',
  'NOT_EMPTY',
  'NO_CHILDREN_FOR_EPHEMERALS',
  'NO_AUTH',
  'AUTH_FAILED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'READ_ONLY',
  'DATA_TOO_LARGE',
  'UNSUPPORTED',
  /** A connection from ZK_CONNECT or the ZOOSCOPE_CONFIG file: change it there. */
  'CONFIG_READ_ONLY',
  'CONNECTION_EXISTS',
  'METHOD_NOT_ALLOWED',
  'CONNECTION_UNAVAILABLE',
  /** The TLS handshake with the servers failed (untrusted certificate, refused client certificate…). */
  'TLS_HANDSHAKE',
  'SESSION_EXPIRED',
  'TIMEOUT',
  'RATE_LIMITED',
  /** A cap on event streams or watched nodes (per stream, sign-in session or server; `details.limit` names it). */
  'WATCH_LIMIT',
  'AUDIT_UNAVAILABLE',
  /** A dangerous change needs the operator to type `details.confirm` (what would happen: `details.consequence`). */
  'CONFIRMATION_REQUIRED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(code: string): code is ErrorCode {
  return KNOWN.has(code);
}

/** Failures of the path to ZooKeeper rather than of the request: worth retrying as they are. */
const TRANSIENT: ReadonlySet<string> = new Set<ErrorCode>(['CONNECTION_UNAVAILABLE', 'SESSION_EXPIRED', 'TIMEOUT']);

export function isTransient(code: string): boolean {
  return TRANSIENT.has(code);
}

/** What a dangerous ACL change would do (CONFIRMATION_REQUIRED's `details.consequences`). */
export type ConsequenceCode = 'rootAcl' | 'rootAclRecursive' | 'losesAdmin';

/** One line of it: English `message` (also in `details.consequence`), `code` and `params` for the catalogs. */
export interface Consequence {
  code: ConsequenceCode;
  params?: MessageParams;
  message: string;
}
