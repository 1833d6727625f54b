/**
 * The bodies of the REST API's answers (docs/api.md): the routes return these shapes and the
 * browser reads them, so neither side keeps a copy of its own. Shapes owned by one domain
 * (events, ensemble, kafka, audit) live in that domain's shared module.
 */
import type { EnsembleServer, HealthStatus, OwnSession } from './ensemble';
import type { AuthMode, Role } from './roles';
import type { AclEntry, ConnectionOrigin, ConnectionSasl, ConnectionTls, NodeValue, SessionState, ZkStat } from './types';

/** GET node. */
export interface NodeResponse {
  path: string;
  stat: ZkStat;
  data: NodeValue;
}

/** What a BAD_VERSION error carries in `current`: the node as it is now. */
export interface CurrentNode {
  stat: ZkStat;
  data: NodeValue;
}

/** What a create or a save answers: where the node is and its new stat. */
export interface WriteResult {
  path: string;
  stat: ZkStat;
}

/** GET subtree: how many nodes a recursive delete would remove. */
export interface SubtreeCount {
  path: string;
  count: number;
  /** The count stopped at the server's cap. */
  truncated: boolean;
}

export interface ChildEntry {
  name: string;
  /** Only with stat=true; null when the child vanished between listing and stat. */
  stat?: ZkStat | null;
}

/** GET children: one page of a sorted child list, optionally narrowed by a prefix and/or a substring. */
export interface ChildrenPage {
  path: string;
  /** The parent's stat. */
  stat: ZkStat;
  /** Children matching the prefix and substring (all children without either). */
  total: number;
  offset: number;
  children: ChildEntry[];
}

/** GET acl, and `current` of an ACL conflict. */
export interface AclResponse {
  acl: AclEntry[];
  stat: ZkStat;
}

/** PUT acl: the ACL as saved. */
export interface SavedAcl extends AclResponse {
  path: string;
}

/** A progress line of a recursive ACL change (application/x-ndjson). */
export interface AclProgress {
  applied: number;
  total: number;
}

/** GET connections. */
export interface ConnectionSummary {
  id: string;
  name: string;
  connectString: string;
  readOnly: boolean;
  state: SessionState;
  sessionTimeoutMs: number;
  adminUrl: string | null;
  /** environment and file connections are read-only here; runtime ones carry the version to change them at. */
  origin: ConnectionOrigin;
  version: number | null;
  tls: ConnectionTlsSummary | null;
  sasl: ConnectionSaslSummary | null;
}

/** A connection's TLS files as the API shows them: never the key password, only whether one is set. */
export interface ConnectionTlsSummary {
  ca: string;
  /** Null: no client certificate (for servers with ssl.clientAuth=none or want). */
  cert: string | null;
  key: string | null;
  hasKeyPassword: boolean;
}

export type ConnectionSaslSummary = ConnectionSasl;

/** POST connections, PUT connections/{id} (which also needs `version`). */
export interface ConnectionInput {
  id: string;
  name?: string;
  connectString: string;
  sessionTimeoutMs?: number;
  readOnly?: boolean;
  adminUrl?: string | null;
  /** On PUT, a tls without keyPassword keeps the stored one (the API never shows it). */
  tls?: ConnectionTls | null;
  sasl?: ConnectionSasl | null;
}

/** POST connections/{id}/test: what a fresh session and the servers' own answers reached. */
export interface ConnectionTestResult {
  ok: boolean;
  durationMs: number;
  session: { connected: boolean; sessionId: string | null; timeoutMs: number | null; error: string | null };
  /** The ZooKeeper release the servers report (the first that answered). */
  version: string | null;
  members: Array<Pick<EnsembleServer, 'address' | 'id' | 'role' | 'reachable' | 'serving' | 'mode' | 'version' | 'metricsSource' | 'error'>>;
  health: HealthStatus | null;
  /** The TLS handshake and the SASL login, on connections that have them (null: not configured). */
  security: { tls: SecurityCheck | null; sasl: SecurityCheck | null };
}

/** ok, or what went wrong (the error's code and message). */
export interface SecurityCheck {
  ok: boolean;
  code: string | null;
  error: string | null;
}

export interface ConnectionsResponse {
  connections: ConnectionSummary[];
}

/** A ZooKeeper credential an operator added, as the API shows it: no secret. */
export interface Identity {
  scheme: string;
  id: string;
  addedAt: number;
}

/** GET auth. */
export interface IdentitiesResponse {
  identities: Identity[];
}

/** GET sessions: the dashboard's own ZooKeeper sessions. */
export interface OwnSessionsResponse {
  sessions: OwnSession[];
}

/** POST session: who signed in. */
export interface SignedIn {
  user: { name: string; role: Role };
}

/** GET session: the mode and who (if anyone) is signed in. */
export interface SignInStatus {
  mode: AuthMode;
  user: { name: string; role: Role } | null;
  /** When the session ends unless used again (ms since the epoch); null without one. */
  expiresAt: number | null;
}

/** A node the operator starred on a connection; `exists` false: the node has since been deleted. */
export interface Bookmark {
  path: string;
  createdAt: number;
  exists: boolean;
}

/** GET bookmarks: the operator's own, oldest first. */
export interface BookmarksResponse {
  bookmarks: Bookmark[];
}

/** GET …/capabilities: optional server features the UI offers only where they work. */
export interface CapabilitiesResponse {
  /** `reason` is English; `reasonCode` names it for the catalogs (`node.create.ttlReasons`). */
  ttl: { available: boolean; reason?: string; reasonCode?: 'extendedTypesDisabled' };
}

/** GET session/ephemerals: the ephemeral nodes one ZooKeeper session owns (runs `dump`). */
export interface SessionEphemerals {
  /** The session, 0x-prefixed hex. */
  session: string;
  /** Where the list came from; null when neither `dump` nor the AdminServer answered. */
  source: 'four-letter' | 'admin-server' | null;
  paths: string[] | null;
  message?: string;
}
