import 'server-only';
/**
 * Transactions (ZooKeeper's multi): every op is applied, or none is. Ops are checked before
 * anything is sent; a refused transaction names the op that failed.
 */
import { OPEN_ACL, assertAcl } from './acl';
import { assertPath } from './assert-path';
import { invalidateChildren } from './children-cache';
import { CREATE_FLAGS, toStat, type NativeMultiOp } from './client';
import { assertDataSize } from './data';
import { ZRC, ZkError, errorFromRc } from './errors';
import { parentPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import { SEQUENTIAL_MODES, TTL_MODES, type AclEntry, type CreateMode, type ZkStat } from '@/lib/shared/types';

export type MultiOp =
  | { op: 'create'; path: string; data?: Buffer; mode?: CreateMode; acl?: AclEntry[] }
  | { op: 'delete'; path: string; version: number }
  | { op: 'set'; path: string; data: Buffer; version: number }
  | { op: 'check'; path: string; version: number };

export type MultiResult =
  | { op: 'create'; path: string }
  | { op: 'delete'; path: string }
  | { op: 'set'; path: string; stat: ZkStat }
  | { op: 'check'; path: string };

/**
 * The largest request the server reads: jute.maxbuffer, 0xfffff bytes by default. A bigger one
 * makes the server drop the connection (every pending request then fails), so it is refused here.
 */
export const MAX_REQUEST_BYTES = 0xfffff;

const str = (s: string) => 4 + Buffer.byteLength(s);
const buf = (b: Buffer | null) => 4 + (b?.length ?? 0);
const MULTI_HEADER = 9; // type int, done bool, err int

/** The serialized size of the transaction's request (jute), as the server measures it. */
export function multiRequestBytes(ops: readonly NativeMultiOp[], chroot = ''): number {
  const path = (p: string) => str(chroot + p);
  let bytes = 8 + MULTI_HEADER; // request header (xid, type) and the closing multi header
  for (const op of ops) {
    bytes += MULTI_HEADER;
    if (op.type === 'create') {
      const acl = op.acl.reduce((n, e) => n + 4 + str(e.scheme) + str(e.auth), 4);
      bytes += path(op.path) + buf(op.data) + acl + 4;
    } else if (op.type === 'set') bytes += path(op.path) + buf(op.data) + 4;
    else bytes += path(op.path) + 4;
  }
  return bytes;
}

function assertVersion(version: number, path: string): void {
  if (!Number.isInteger(version) || version < -1) throw new ZkError('INVALID_REQUEST', `Version ${version} must be a whole number, or -1 for any`, path);
}

function toNative(session: ZkSession, op: MultiOp): NativeMultiOp {
  if (op.op === 'create') {
    const mode = op.mode ?? 'persistent';
    assertPath(op.path, SEQUENTIAL_MODES.has(mode));
    // The C client sends no TTL create in a multi, and misreads a container create's answer.
    if (TTL_MODES.has(mode) || mode === 'container') {
      throw new ZkError('UNSUPPORTED', `${mode === 'container' ? 'Container' : 'TTL'} nodes cannot be created in a transaction (a limit of the ZooKeeper C client)`, op.path);
    }
    const data = op.data ?? Buffer.alloc(0);
    assertDataSize(data, op.path);
    const acl = assertAcl(op.acl && op.acl.length > 0 ? op.acl : OPEN_ACL, session, op.path);
    return { type: 'create', path: op.path, data, flags: CREATE_FLAGS[mode], acl };
  }
  assertPath(op.path);
  assertVersion(op.version, op.path);
  if (op.op === 'set') {
    assertDataSize(op.data, op.path);
    return { type: 'set', path: op.path, data: op.data, version: op.version };
  }
  return { type: op.op, path: op.path, version: op.version };
}

/** The chroot of a connect string ("host:port/chroot"), which the C client prepends to every path. */
function chrootOf(connectString: string): string {
  const slash = connectString.indexOf('/');
  return slash < 0 ? '' : connectString.slice(slash).replace(/\/$/, '');
}

/**
 * Runs the ops as one transaction. On refusal nothing was written: the error carries the code
 * of the op that failed, its index (`details.failedOp`, from 0) and every op's outcome.
 */
export async function multi(session: ZkSession, ops: readonly MultiOp[]): Promise<MultiResult[]> {
  if (ops.length === 0) return [];
  const native = ops.map((op) => toNative(session, op));
  const bytes = multiRequestBytes(native, chrootOf(session.config.connectString));
  if (bytes > MAX_REQUEST_BYTES) {
    throw new ZkError(
      'DATA_TOO_LARGE',
      `The transaction is ${bytes} bytes; the server reads at most ${MAX_REQUEST_BYTES} bytes in one request (jute.maxbuffer): split it`,
      ops[0].path,
      { size: bytes, limit: MAX_REQUEST_BYTES },
    );
  }
  const { rc, results } = await session.run((h) => h.multi(native));
  if (rc !== ZRC.ZOK) throw refusal(rc, ops, results.map((r) => r.err));
  const changed = new Set<string>();
  const out = ops.map((op, i): MultiResult => {
    const r = results[i];
    if (op.op === 'create' || op.op === 'delete') changed.add(parentPath(r.path ?? op.path));
    if (op.op === 'create') return { op: 'create', path: r.path ?? op.path };
    if (op.op === 'set') return { op: 'set', path: op.path, stat: toStat(r.stat!) };
    return { op: op.op, path: op.path };
  });
  for (const p of changed) invalidateChildren(session, p);
  return out;
}

function refusal(rc: number, ops: readonly MultiOp[], codes: number[]): ZkError {
  // The op that failed has its own code; those after it report ZRUNTIMEINCONSISTENCY ("not run").
  const index = codes.findIndex((c) => c !== ZRC.ZOK && c !== ZRC.ZRUNTIMEINCONSISTENCY);
  if (index < 0) {
    // No answer from the server (connection lost, session closing): the outcome is unknown.
    const e = errorFromRc(rc, ops[0].path);
    e.message = `${e.message}: the transaction of ${ops.length} operations may or may not have been applied`;
    return e;
  }
  const cause = errorFromRc(codes[index], ops[index].path);
  cause.message = `${cause.message}: operation ${index + 1} of ${ops.length} (${ops[index].op} ${ops[index].path}) failed, so nothing was written`;
  cause.details = {
    failedOp: index,
    results: ops.map((op, i) => ({
      op: op.op,
      path: op.path,
      outcome: i < index ? 'rolled_back' : i === index ? 'failed' : 'not_run',
      ...(i === index ? { code: cause.code } : {}),
    })),
  };
  return cause;
}
