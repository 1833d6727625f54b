/** Shapes shared by the server core, the REST API and the browser. No runtime code here. */

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

export type DataFormat = 'json' | 'yaml' | 'xml' | 'properties' | 'gzip' | 'binary' | 'text' | 'empty';

export interface NodeData {
  base64: string;
  /** The value as text when it is valid UTF-8, otherwise null. */
  text: string | null;
  format: DataFormat;
  size: number;
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
}
