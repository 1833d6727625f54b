/** Shapes shared by the server core, the REST API and the browser. */

export interface ZkStat {
  czxid: number;
  mzxid: number;
  pzxid: number;
  /** Milliseconds since the epoch. */
  ctime: number;
  mtime: number;
  version: number;
  cversion: number;
  aversion: number;
  /** Session id of the owner as hex, "0" for a non-ephemeral node. */
  ephemeralOwner: string;
  dataLength: number;
  numChildren: number;
}

export type CreateMode =
  | 'persistent'
  | 'persistent_sequential'
  | 'ephemeral'
  | 'ephemeral_sequential'
  | 'container'
  | 'ttl'
  | 'ttl_sequential';

export const CREATE_MODES: readonly CreateMode[] = [
  'persistent',
  'persistent_sequential',
  'ephemeral',
  'ephemeral_sequential',
  'container',
  'ttl',
  'ttl_sequential',
];

/** Modes whose name gets the server's 10-digit counter appended. */
export const SEQUENTIAL_MODES: ReadonlySet<CreateMode> = new Set(['persistent_sequential', 'ephemeral_sequential', 'ttl_sequential']);
/** Modes that take a TTL (and need the server's extended types). */
export const TTL_MODES: ReadonlySet<CreateMode> = new Set(['ttl', 'ttl_sequential']);
/** Modes whose node ends with the session that created it. */
export const EPHEMERAL_MODES: ReadonlySet<CreateMode> = new Set(['ephemeral', 'ephemeral_sequential']);

export type DataFormat = 'json' | 'yaml' | 'xml' | 'properties' | 'gzip' | 'binary' | 'text' | 'empty';

export interface NodeData {
  base64: string;
  /** The value as text when it is valid UTF-8, otherwise null. */
  text: string | null;
  format: DataFormat;
  size: number;
}

/** A value on the wire; a gzip value also carries its decompressed content. */
export interface NodeValue extends NodeData {
  /** For gzip values: the decompressed content, described the same way. */
  inflated?: NodeData;
}

export interface AclEntry {
  scheme: string;
  id: string;
  /** Any of "cdrwa", in that order. */
  perms: string;
}

export type SessionState = 'connecting' | 'connected' | 'expired' | 'closed';

export interface SessionInfo {
  state: SessionState;
  sessionId: string | null;
  timeoutMs: number | null;
  server: string | null;
}

export interface ConnectionConfig {
  id: string;
  name: string;
  connectString: string;
  sessionTimeoutMs: number;
  readOnly: boolean;
  /** AdminServer base URL template, e.g. "http://{host}:8080/commands"; null: try port 8080 once. */
  adminUrl?: string | null;
  /** Where it is defined: ZK_CONNECT, the ZOOSCOPE_CONFIG file (both read-only here), or the UI/API. */
  origin?: ConnectionOrigin;
  /** TLS to the servers (files on the dashboard's server); null or absent: plain TCP. */
  tls?: ConnectionTls | null;
  /** A SASL login with every session; null or absent: none. */
  sasl?: ConnectionSasl | null;
}

/**
 * PEM files the C client reads: the CA that signed the servers' certificates, and the client's
 * own certificate and key, both or neither (a server with ssl.clientAuth=none or want needs
 * none). keyPassword: of an encrypted key.
 */
export interface ConnectionTls {
  ca: string;
  cert?: string;
  key?: string;
  keyPassword?: string;
}

/** SASL DIGEST-MD5 (the JAAS DigestLoginModule's users); the password is the file's first line. */
export interface ConnectionSasl {
  mechanism: 'DIGEST-MD5';
  username: string;
  passwordFile: string;
}

export type ConnectionOrigin = 'environment' | 'file' | 'runtime';
