/**
 * The ensemble dashboard's data shapes: the status of each server and the health verdict, the
 * sampled history behind the charts, and the dashboard's own sessions.
 */
import type { SessionInfo } from './types';

export type ServerMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'read-only' | 'unknown';

export interface Zxid {
  /** As the server prints it, e.g. "0x100000003". */
  hex: string;
  /** High 32 bits: the leader epoch that issued the transaction. */
  epoch: number;
  /** Low 32 bits: the transaction counter within that epoch. */
  counter: number;
}

export interface Latency {
  min: number;
  avg: number;
  max: number;
}

export type FourLetterWord = 'srvr' | 'mntr' | 'conf' | 'cons' | 'wchs' | 'ruok' | 'isro';

export interface EnsembleServer {
  /** host:port as the connection string or the dynamic config names it. */
  address: string;
  host: string;
  port: number;
  /** The N of server.N, from the dynamic config or the server's own `conf`. */
  id: number | null;
  /** From the dynamic config: participants vote, observers do not. */
  role: 'participant' | 'observer' | null;
  /** Where this server was learned from. */
  source: 'connect-string' | 'dynamic-config' | 'both';
  /** False for a dynamic-config member without a client address: known, but not asked. */
  queried: boolean;
  /** A TCP connection to the client port succeeded. */
  reachable: boolean;
  /** Reachable and answering requests (false while electing or without quorum). */
  serving: boolean;
  mode: ServerMode;
  /** Release, e.g. "3.8.0"; `build` has the full text ("3.8.0-<commit>, built on …"). */
  version: string | null;
  build: string | null;
  zxid: Zxid | null;
  latency: Latency | null;
  outstanding: number | null;
  connections: number | null;
  watches: number | null;
  znodes: number | null;
  ephemerals: number | null;
  /** zk_approximate_data_size, in bytes. */
  dataSize: number | null;
  openFileDescriptors: number | null;
  maxFileDescriptors: number | null;
  packetsReceived: number | null;
  packetsSent: number | null;
  uptimeMs: number | null;
  /** Voting members in this server's view of the configuration (zk_quorum_size, 3.6+). */
  votingMembers: number | null;
  /** Leader only: learners (followers + observers) connected, and followers in sync. */
  followers?: number | null;
  syncedFollowers?: number | null;
  /**
   * Which source answered, best first: the AdminServer (HTTP), the four-letter words (`mntr`,
   * `conf`), `srvr` alone (always allowed: no watches, ephemerals, FDs, uptime), or only the client
   * session (the server the dashboard's session is connected to); null when nothing answered.
   */
  metricsSource: MetricsSource | null;
  /** Time to query this server, in ms. */
  queryMs: number;
  /** Why the server could not be (fully) read (English; `errorCode` names it for the catalogs). */
  error?: string;
  errorCode?: ServerErrorCode;
  /** Four-letter words the server refused because they are not whitelisted. */
  disabledCommands?: FourLetterWord[];
  /** What the operator can do about `error` / `disabledCommands`. */
  hint?: string;
  /** `hint` by code with its arguments, for the browser's catalogs. */
  hintCode?: SourceHintCode;
  hintParams?: MessageParams;
  /** zoo.cfg lines that give the missing sources: the 4lw whitelist, or the AdminServer pair. */
  configLines?: string[];
}

export type MetricsSource = 'admin-server' | 'four-letter' | 'srvr' | 'client-api';

export type HealthStatus = 'green' | 'amber' | 'red';

/** Arguments of a coded server message: the browser renders `code` from its catalog with them. */
export type MessageParams = Record<string, string | number>;

/** Why a server could not be (fully) read: `error`'s kind (`timeout`, `unreachable`, `tooLarge` keep the English detail). */
export type ServerErrorCode = 'noClientAddress' | 'unreachable' | 'timeout' | 'tooLarge' | 'notServing' | 'notWhitelisted' | 'unparseable';

/** The zoo.cfg advice for a server read without the full metrics. */
export type SourceHintCode = 'tlsAdminServer' | 'whitelist';

export type HealthProblemCode =
  | 'noAddress'
  | 'noneReachable'
  | 'noLeader'
  | 'quorumLost'
  | 'manyLeaders'
  | 'followersOutOfSync'
  | 'notQueried'
  | 'serverDown'
  | 'notServing'
  | 'readOnly'
  | 'slow'
  | 'wordsDisabled';

export interface HealthProblem {
  severity: 'error' | 'warning' | 'info';
  /** English (the API's contract); `code` and `params` say the same for the browser's catalogs. */
  message: string;
  code: HealthProblemCode;
  params?: MessageParams;
  /** The server address the problem is about, when it is about one. */
  server?: string;
}

export interface EnsembleHealth {
  status: HealthStatus;
  /** Voting members of the ensemble (participants; a standalone server counts as 1). */
  ensembleSize: number;
  /** Votes needed for a majority: floor(ensembleSize / 2) + 1. */
  quorumSize: number;
  /** Servers that accepted a connection. */
  reachable: number;
  /** Voting servers currently serving as leader or follower. */
  servingVoters: number;
  leaderPresent: boolean;
  /** Address of the leader when one of the queried servers is the leader. */
  leader: string | null;
  /** The leader reports every other voting member in sync; null when unknown. */
  followersSynced: boolean | null;
  latencyThresholdMs: number;
  problems: HealthProblem[];
}

export interface EnsembleStatus {
  /** ISO time of the query. */
  checkedAt: string;
  /** Wall time for the whole (parallel) query, in ms. */
  durationMs: number;
  chroot: string | null;
  /** The dynamic configuration's version (hex), when the membership came from one. */
  configVersion: string | null;
  servers: EnsembleServer[];
  health: EnsembleHealth;
}

/** Per-connection time series of the ensemble's vital signs, for the charts. */
export interface ServerSample {
  address: string;
  reachable: boolean;
  mode: ServerMode;
  latencyAvg: number | null;
  latencyMax: number | null;
  outstanding: number | null;
  connections: number | null;
  znodes: number | null;
  watches: number | null;
}

export interface EnsembleSample {
  /** ms since the epoch. */
  t: number;
  status: HealthStatus | null;
  /** Set when the whole probe failed; `servers` is then empty. */
  error?: string;
  servers: ServerSample[];
}

export interface EnsembleHistory {
  intervalMs: number;
  windowMs: number;
  /** Every server address that appears in the window, for stable chart series. */
  servers: string[];
  samples: EnsembleSample[];
}

export interface OwnSession extends SessionInfo {
  connectionId: string;
  connectionName: string;
  /** True for a session that carries ZooKeeper credentials an operator added. */
  authenticated: boolean;
  /** Ephemeral nodes this session owns (null when not asked for, or the servers do not answer `dump`). */
  ephemerals: string[] | null;
  /** Whether `dump` was asked for (it is costly on large servers: only on request). */
  ephemeralsAsked: boolean;
}
