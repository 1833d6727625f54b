import 'server-only';
import { OPEN_ACL, assertAcl } from './acl';
import { assertPath } from './assert-path';
import { invalidateChildren } from './children-cache';
import { CREATE_FLAGS } from './client';
import { assertDataSize } from './data';
import { ZRC, ZkError, isZkError } from './errors';
import { multi, type MultiOp } from './multi';
import { ancestors, parentPath } from '@/lib/shared/path';
import type { ZkSession } from './session';
import { SEQUENTIAL_MODES, TTL_MODES, type AclEntry, type CreateMode, type ZkStat } from '@/lib/shared/types';

export interface CreateInput {
  path: string;
  data: Buffer;
  mode: CreateMode;
  ttlMs?: number;
  acl?: AclEntry[];
  parents?: boolean;
}

export interface Created {
  path: string;
  stat: ZkStat;
  /** The missing parents this create made (with `parents`), top down. */
  parents: string[];
}

/**
 * Creates a node with its ACL in the one request (nothing is left behind when the server refuses
 * the ACL). With `parents`, the missing parents and the node are one transaction; a TTL node,
 * which a transaction cannot carry, is created after its parents' transaction.
 */
export async function createNode(session: ZkSession, input: CreateInput): Promise<Created> {
  const sequential = SEQUENTIAL_MODES.has(input.mode);
  assertPath(input.path, sequential);
  if (input.path === '/') throw new ZkError('NODE_EXISTS', 'The root node always exists', '/');
  assertDataSize(input.data, input.path);
  const isTtl = TTL_MODES.has(input.mode);
  if (isTtl && !(Number.isInteger(input.ttlMs) && input.ttlMs! > 0)) {
    throw new ZkError('INVALID_REQUEST', 'A TTL node needs ttlMs, a positive whole number of milliseconds', input.path);
  }
  if (!isTtl && input.ttlMs !== undefined) {
    throw new ZkError('INVALID_REQUEST', `ttlMs applies only to ttl modes, not ${input.mode}`, input.path);
  }
  const acl = input.acl && input.acl.length > 0 ? input.acl : OPEN_ACL;
  const nativeAcl = assertAcl(acl, session, input.path);
  const parent = parentPath(sequential && input.path.endsWith('/') ? input.path.slice(0, -1) || '/' : input.path);
  const node: MultiOp = { op: 'create', path: input.path, data: input.data, mode: input.mode, acl };
  let madeParents: string[] = [];
  try {
    const missing = input.parents ? await createParents(session, parent, isTtl ? null : node) : { parents: [], created: null };
    if (missing.created) return { path: missing.created, stat: await statOf(session, missing.created), parents: missing.parents };
    madeParents = missing.parents;
    const created = await session.run((h) => h.createWithAcl(input.path, input.data, CREATE_FLAGS[input.mode], nativeAcl, input.ttlMs));
    invalidateChildren(session, parent);
    return { ...created, parents: madeParents };
  } catch (e) {
    const explained = explainCreateError(e, isTtl, acl, input.path, parent);
    // A TTL node's parents were their own transaction: say that they stay.
    if (isZkError(explained) && madeParents.length > 0) explained.details = { ...explained.details, createdParents: madeParents };
    throw explained;
  }
}

/**
 * Creates the missing ancestors of `parent` (itself included), with `node` when given, in one
 * transaction. One created meanwhile by someone else refuses it: look again, once.
 */
async function createParents(session: ZkSession, parent: string, node: MultiOp | null): Promise<{ parents: string[]; created: string | null }> {
  for (let attempt = 0; ; attempt++) {
    const parents = await missingParents(session, parent);
    if (parents.length === 0) return { parents, created: null };
    try {
      const results = await multi(session, [...parents.map(parentOp), ...(node ? [node] : [])]);
      return { parents, created: node ? results[results.length - 1].path : null };
    } catch (e) {
      const raced = isZkError(e) && e.code === 'NODE_EXISTS' && (e.details?.failedOp as number) < parents.length;
      if (!raced || attempt > 0) throw e;
    }
  }
}

const parentOp = (path: string): MultiOp => ({ op: 'create', path, mode: 'persistent' });

/** The ancestors of `parent` (itself included) that do not exist yet, top down. */
export async function missingParents(session: ZkSession, parent: string): Promise<string[]> {
  const chain = ancestors(parent).slice(1);
  const stats = await Promise.all(chain.map((p) => session.run((h) => h.exists(p))));
  return chain.filter((_, i) => stats[i] === null);
}

async function statOf(session: ZkSession, path: string): Promise<ZkStat> {
  const stat = await session.run((h) => h.exists(path));
  // Possible for an ephemeral created by a session that just expired.
  if (!stat) throw new ZkError('NO_NODE', 'The node was created but no longer exists', path);
  return stat;
}

function explainCreateError(e: unknown, isTtl: boolean, acl: AclEntry[], path: string, parent: string): unknown {
  if (!isZkError(e) || e.path !== path) return e;
  if (e.rc === ZRC.ZINVALIDACL) {
    const entries = acl.map((a) => `${a.scheme}:${a.id}`).join(', ');
    return new ZkError('INVALID_REQUEST', `ZooKeeper refused the ACL (${entries}): its scheme is not enabled on this server, or it names no identity this session has. Nothing was created`, path);
  }
  if (isTtl && (e.code === 'UNSUPPORTED' || e.code === 'INVALID_REQUEST' || e.code === 'INTERNAL')) {
    return new ZkError('UNSUPPORTED', 'TTL nodes are disabled on this server (start it with -Dzookeeper.extendedTypesEnabled=true)', path);
  }
  if (e.code === 'NO_NODE') return new ZkError('NO_NODE', `The parent node ${parent} does not exist (use "create parents")`, path);
  return e;
}
