import 'server-only';
/** Typed errors with stable codes; every ZooKeeper return code maps to one of them. */
import type { ErrorCode } from '@/lib/shared/errors';

export class ZkError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  /** Extra fields for the error envelope (e.g. the current value on BAD_VERSION). */
  details?: Record<string, unknown>;
  /** The ZooKeeper return code it came from, when it came from one. */
  rc?: number;

  constructor(code: ErrorCode, message: string, path?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ZkError';
    this.code = code;
    this.path = path;
    this.details = details;
  }
}

export function isZkError(e: unknown): e is ZkError {
  return e instanceof ZkError;
}

/** ZooKeeper C client return codes (zookeeper.h). */
export const ZRC = {
  ZOK: 0,
  ZSYSTEMERROR: -1,
  ZRUNTIMEINCONSISTENCY: -2,
  ZDATAINCONSISTENCY: -3,
  ZCONNECTIONLOSS: -4,
  ZMARSHALLINGERROR: -5,
  ZUNIMPLEMENTED: -6,
  ZOPERATIONTIMEOUT: -7,
  ZBADARGUMENTS: -8,
  ZINVALIDSTATE: -9,
  ZNEWCONFIGNOQUORUM: -13,
  ZRECONFIGINPROGRESS: -14,
  ZSSLCONNECTIONERROR: -15,
  ZAPIERROR: -100,
  ZNONODE: -101,
  ZNOAUTH: -102,
  ZBADVERSION: -103,
  ZNOCHILDRENFOREPHEMERALS: -108,
  ZNODEEXISTS: -110,
  ZNOTEMPTY: -111,
  ZSESSIONEXPIRED: -112,
  ZINVALIDCALLBACK: -113,
  ZINVALIDACL: -114,
  ZAUTHFAILED: -115,
  ZCLOSING: -116,
  ZNOTHING: -117,
  ZSESSIONMOVED: -118,
  ZNOTREADONLY: -119,
  ZEPHEMERALONLOCALSESSION: -120,
  ZNOWATCHER: -121,
  ZRECONFIGDISABLED: -123,
  ZSESSIONCLOSEDREQUIRESASLAUTH: -124,
  ZTHROTTLEDOP: -127,
} as const;

const RC_TO_ERROR: Record<number, [ErrorCode, string]> = {
  [ZRC.ZNONODE]: ['NO_NODE', 'The node does not exist'],
  [ZRC.ZNOAUTH]: ['NO_AUTH', "The node's ACL does not allow this operation for your identity"],
  [ZRC.ZBADVERSION]: ['BAD_VERSION', 'The node was changed by someone else (version mismatch)'],
  [ZRC.ZNOCHILDRENFOREPHEMERALS]: ['NO_CHILDREN_FOR_EPHEMERALS', 'Ephemeral nodes cannot have children'],
  [ZRC.ZNODEEXISTS]: ['NODE_EXISTS', 'A node already exists at this path'],
  [ZRC.ZNOTEMPTY]: ['NOT_EMPTY', 'The node has children; delete them first or delete recursively'],
  [ZRC.ZSESSIONEXPIRED]: ['SESSION_EXPIRED', 'The ZooKeeper session expired; a new one is being established'],
  [ZRC.ZSESSIONMOVED]: ['SESSION_EXPIRED', 'The ZooKeeper session moved to another server'],
  [ZRC.ZCONNECTIONLOSS]: ['CONNECTION_UNAVAILABLE', 'The connection to ZooKeeper was lost'],
  [ZRC.ZCLOSING]: ['CONNECTION_UNAVAILABLE', 'The ZooKeeper session is closing'],
  [ZRC.ZINVALIDSTATE]: ['CONNECTION_UNAVAILABLE', 'The ZooKeeper session is not connected'],
  [ZRC.ZSSLCONNECTIONERROR]: ['CONNECTION_UNAVAILABLE', 'The TLS connection to ZooKeeper failed'],
  [ZRC.ZOPERATIONTIMEOUT]: ['TIMEOUT', 'ZooKeeper did not answer in time'],
  [ZRC.ZINVALIDACL]: ['INVALID_REQUEST', 'The ACL is invalid'],
  [ZRC.ZBADARGUMENTS]: ['INVALID_REQUEST', 'ZooKeeper rejected the arguments'],
  [ZRC.ZAUTHFAILED]: ['AUTH_FAILED', 'ZooKeeper rejected the credentials'],
  [ZRC.ZNOTREADONLY]: ['READ_ONLY', 'The server is in read-only mode'],
  [ZRC.ZUNIMPLEMENTED]: ['UNSUPPORTED', 'The server does not support this operation'],
  [ZRC.ZRECONFIGDISABLED]: ['UNSUPPORTED', 'Dynamic reconfiguration is disabled on the server'],
  [ZRC.ZEPHEMERALONLOCALSESSION]: ['UNSUPPORTED', 'Ephemeral nodes cannot be created on a local session'],
  [ZRC.ZTHROTTLEDOP]: ['TIMEOUT', 'The server throttled the request; try again'],
};

/** Maps a non-zero ZooKeeper return code to a typed error. */
export function errorFromRc(rc: number, path?: string): ZkError {
  const known = RC_TO_ERROR[rc];
  const name = Object.entries(ZRC).find(([, v]) => v === rc)?.[0] ?? `rc ${rc}`;
  const e = known ? new ZkError(known[0], known[1], path) : new ZkError('INTERNAL', `ZooKeeper error ${name}`, path);
  e.rc = rc;
  return e;
}
