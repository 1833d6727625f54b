import 'server-only';
import { permsFromString, permsToString, OPEN_ACL } from './acl';
import { CREATE_FLAGS, type NativeAcl } from './client';
import { encodeData, assertDataSize } from './data';
import { ZkError, isZkError } from './errors';
import { CHILDREN_PAGE_SIZE, CHILDREN_MAX_LIMIT } from '@/lib/shared/limits';
import { compareNames, lowerBound } from '@/lib/shared/names';
import { checkPath, joinPath, parentPath, ancestors } from '@/lib/shared/path';
import type { ZkSession } from './session';
import type { AclEntry, CreateMode, NodeValue, ZkStat } from '@/lib/shared/types';
import type { ChildrenPage } from '@/lib/shared/wire';

export function assertPath(path: unknown, sequential = false): asserts path is string {
  const check = checkPath(path, sequential);
  if (!check.ok) throw new ZkError('INVALID_PATH', check.reason, typeof path === 'string' ? path : undefined);
}

export interface NodeResult {
  path: string;
  stat: ZkStat;
  data: NodeValue;
}

export async function getNode(session: ZkSession, path: string): Promise<NodeResult> {
  assertPath(path);
  const { stat, data } = await session.run((h) => h.get(path));
  return { path, stat, data: encodeData(data) };
}

export async function statNode(session: ZkSession, path: string): Promise<ZkStat | null> {
  assertPath(path);
  return session.run((h) => h.exists(path));
}

// ---- children, paged on the server --------------------------------------------------------


/**
 * Sorted child lists are kept for a few seconds so that scrolling through a node with 100,000
 * children (one page per request) does not fetch and sort the whole list again for every page.
 * The entry is dropped on any write through this server that touches the parent, and on a
 * children watch event for it.
 */
const CHILDREN_CACHE_IDLE_MS = 3000;
/** A list in constant use (typing in a filter) is still re-read this often. */
const CHILDREN_CACHE_MAX_AGE_MS = 15_000;
const CHILDREN_CACHE_ENTRIES = 32;
interface CachedChildren {
  fetchedAt: number;
  usedAt: number;
  connectionId: string;
  path: string;
  names: string[];
  stat: ZkStat;
}
interface ChildrenCache {
  entries: Map<string, CachedChildren>;
  /** Each session's own number: sessions with other credentials may see other lists (ACLs). */
  serials: WeakMap<ZkSession, number>;
  nextSerial: number;
}
const g = globalThis as typeof globalThis & { __zooscopeChildrenCache?: ChildrenCache };
const childrenCache = (g.__zooscopeChildrenCache ??= { entries: new Map(), serials: new WeakMap(), nextSerial: 1 });

function cacheKey(session: ZkSession, path: string): string {
  let serial = childrenCache.serials.get(session);
  if (serial === undefined) childrenCache.serials.set(session, (serial = childrenCache.nextSerial++));
  return `${serial}\u0000${path}`;
}

/** Drops the cached child list of `path` for every session of the connection. */
export function invalidateChildren(session: ZkSession, path: string): void {
  for (const [key, entry] of childrenCache.entries) {
    if (entry.path === path && entry.connectionId === session.config.id) childrenCache.entries.delete(key);
  }
}

async function sortedChildren(session: ZkSession, path: string, fresh: boolean): Promise<CachedChildren> {
  const key = cacheKey(session, path);
  const cache = childrenCache.entries;
  const hit = cache.get(key);
  const now = Date.now();
  if (!fresh && hit && now - hit.usedAt < CHILDREN_CACHE_IDLE_MS && now - hit.fetchedAt < CHILDREN_CACHE_MAX_AGE_MS) {
    hit.usedAt = now;
    return hit;
  }
  const { children, stat } = await session.run((h) => h.children(path));
  children.sort(compareNames);
  const entry = { fetchedAt: Date.now(), usedAt: Date.now(), connectionId: session.config.id, path, names: children, stat };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CHILDREN_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return entry;
}


export interface ChildrenQuery {
  offset?: number;
  limit?: number;
  prefix?: string;
  stat?: boolean;
  /** Bypass the short-lived cache (first page of a fresh expand). */
  fresh?: boolean;
}


export async function listChildren(session: ZkSession, path: string, query: ChildrenQuery = {}): Promise<ChildrenPage> {
  assertPath(path);
  const offset = Math.max(0, query.offset ?? 0);
  const limit = Math.min(CHILDREN_MAX_LIMIT, Math.max(1, query.limit ?? CHILDREN_PAGE_SIZE));
  // A first unfiltered page re-reads the list; later pages and filter keystrokes reuse it.
  const { names, stat } = await sortedChildren(session, path, query.fresh ?? (offset === 0 && !query.prefix));
  let start = 0;
  let end = names.length;
  if (query.prefix) {
    // Sorted names with a common prefix are contiguous: two binary searches find them.
    start = lowerBound(names, query.prefix);
    end = start;
    while (end < names.length && names[end].startsWith(query.prefix)) end++;
  }
  const total = end - start;
  const page = names.slice(start + offset, Math.min(end, start + offset + limit));
  const children: ChildrenPage['children'] = page.map((name) => ({ name }));
  if (query.stat) {
    const stats = await mapLimit(page, 64, (name) =>
      session.run((h) => h.exists(joinPath(path, name))).catch((e) => (isZkError(e) && e.code === 'NO_NODE' ? null : Promise.reject(e))),
    );
    children.forEach((c, i) => (c.stat = stats[i]));
  }
  return { path, stat, total, offset, children };
}

// ---- writes --------------------------------------------------------------------------------

function toNativeAcl(acl: AclEntry[]): NativeAcl[] {
  return acl.map((e) => {
    const perms = permsFromString(e.perms);
    if (perms === null) throw new ZkError('INVALID_REQUEST', `Invalid permissions "${e.perms}": use letters from "cdrwa"`);
    return { scheme: e.scheme, auth: e.id, perms };
  });
}

export function fromNativeAcl(acl: NativeAcl[]): AclEntry[] {
  return acl.map((e) => ({ scheme: e.scheme, id: e.auth, perms: permsToString(e.perms) }));
}

export interface CreateInput {
  path: string;
  data: Buffer;
  mode: CreateMode;
  ttlMs?: number;
  acl?: AclEntry[];
  parents?: boolean;
}

const SEQUENTIAL_MODES = new Set<CreateMode>(['persistent_sequential', 'ephemeral_sequential', 'ttl_sequential']);

export async function createNode(session: ZkSession, input: CreateInput): Promise<{ path: string; stat: ZkStat }> {
  const sequential = SEQUENTIAL_MODES.has(input.mode);
  assertPath(input.path, sequential);
  if (input.path === '/') throw new ZkError('NODE_EXISTS', 'The root node always exists', '/');
  assertDataSize(input.data, input.path);
  const isTtl = input.mode === 'ttl' || input.mode === 'ttl_sequential';
  if (isTtl && !(Number.isInteger(input.ttlMs) && input.ttlMs! > 0)) {
    throw new ZkError('INVALID_REQUEST', 'A TTL node needs ttlMs, a positive whole number of milliseconds', input.path);
  }
  if (!isTtl && input.ttlMs !== undefined) {
    throw new ZkError('INVALID_REQUEST', `ttlMs applies only to ttl modes, not ${input.mode}`, input.path);
  }
  const acl = input.acl && input.acl.length > 0 ? input.acl : OPEN_ACL;
  const nativeAcl = toNativeAcl(acl);
  const flags = CREATE_FLAGS[input.mode];
  const parent = parentPath(sequential && input.path.endsWith('/') ? input.path.slice(0, -1) || '/' : input.path);
  if (input.parents) await ensureParents(session, parent);
  const created = await session.run(async (h) => {
    try {
      return await h.create(input.path, input.data, flags, isTtl ? input.ttlMs : undefined);
    } catch (e) {
      throw explainCreateError(e, isTtl, input.path, parent);
    }
  });
  // The binding's create has no ACL argument: it creates with the open ACL, then we narrow it.
  if (!isOpenAcl(acl)) await session.run((h) => h.setAcl(created, -1, nativeAcl));
  invalidateChildren(session, parent);
  const stat = await session.run((h) => h.exists(created));
  if (!stat) {
    // Possible for an ephemeral created by a session that just expired.
    throw new ZkError('NO_NODE', 'The node was created but no longer exists', created);
  }
  return { path: created, stat };
}

function isOpenAcl(acl: AclEntry[]): boolean {
  return acl.length === 1 && acl[0].scheme === 'world' && acl[0].id === 'anyone' && acl[0].perms === 'cdrwa';
}

function explainCreateError(e: unknown, isTtl: boolean, path: string, parent: string): unknown {
  if (!isZkError(e)) return e;
  if (isTtl && (e.code === 'UNSUPPORTED' || e.code === 'INVALID_REQUEST' || e.code === 'INTERNAL')) {
    return new ZkError('UNSUPPORTED', 'TTL nodes are disabled on this server (start it with -Dzookeeper.extendedTypesEnabled=true)', path);
  }
  if (e.code === 'NO_NODE') return new ZkError('NO_NODE', `The parent node ${parent} does not exist (use "create parents")`, path);
  return e;
}

async function ensureParents(session: ZkSession, parent: string): Promise<void> {
  for (const p of ancestors(parent).slice(1)) {
    await session.run(async (h) => {
      try {
        await h.create(p, Buffer.alloc(0), CREATE_FLAGS.persistent);
        invalidateChildren(session, parentPath(p));
      } catch (e) {
        if (!(isZkError(e) && e.code === 'NODE_EXISTS')) throw e;
      }
    });
  }
}

/** Sets data only if the node is still at `version`; on a conflict the error carries the current value. */
export async function setData(session: ZkSession, path: string, data: Buffer, version: number): Promise<ZkStat> {
  assertPath(path);
  assertDataSize(data, path);
  try {
    return await session.run((h) => h.set(path, data, version));
  } catch (e) {
    if (isZkError(e) && e.code === 'BAD_VERSION') {
      const current = await getNode(session, path).catch(() => null);
      e.message = `The node was changed by someone else: you edited version ${version}, it is now at version ${current?.stat.version ?? 'unknown'}`;
      e.details = { current: current ? { stat: current.stat, data: current.data } : null };
    }
    throw e;
  }
}

export interface DeleteProgress {
  deleted: number;
  total: number;
}

/**
 * Walks the nodes below `path` a level at a time, children first, handing each level to `visit`
 * until it returns false. A listing that fails with an error `tolerate` accepts counts as empty.
 */
async function walkLevelsBelow(
  session: ZkSession,
  path: string,
  tolerate: (e: unknown) => boolean,
  visit: (level: string[]) => boolean,
): Promise<void> {
  let frontier = [path];
  for (;;) {
    const lists = await mapLimit(frontier, 64, (p) =>
      session.run((h) => h.children(p)).then(
        (r) => r.children.map((c) => joinPath(p, c)),
        (e) => (tolerate(e) ? [] : Promise.reject(e)),
      ),
    );
    frontier = lists.flat();
    if (frontier.length === 0 || !visit(frontier)) return;
  }
}

/** Counts the nodes of a subtree (the node included), stopping past `cap`. Unlistable parts count as empty. */
export async function countSubtree(session: ZkSession, path: string, cap = 100_000): Promise<{ count: number; truncated: boolean }> {
  assertPath(path);
  let count = 1;
  // At exactly `cap` one more level is read, to tell a complete count from a truncated one.
  await walkLevelsBelow(session, path, () => true, (level) => (count += level.length) <= cap);
  return { count: Math.min(count, cap), truncated: count > cap };
}

/** The nodes below `path` (not `path` itself), level by level from its children down. */
export async function subtreeLevels(session: ZkSession, path: string): Promise<string[][]> {
  const levels: string[][] = [];
  // Deleted meanwhile: nothing below it.
  const deleted = (e: unknown) => isZkError(e) && e.code === 'NO_NODE';
  await walkLevelsBelow(session, path, deleted, (level) => levels.push(level) > 0);
  return levels;
}

/**
 * Deletes a node. Non-recursive deletes are version-checked; a recursive delete checks the
 * version of the top node last (children first, deepest level first), so a concurrent change
 * to it still stops the final step.
 */
export async function deleteNode(
  session: ZkSession,
  path: string,
  opts: { version: number; recursive?: boolean; onProgress?: (p: DeleteProgress) => void },
): Promise<void> {
  assertPath(path);
  if (path === '/') throw new ZkError('INVALID_REQUEST', 'The root node cannot be deleted', '/');
  if (path === '/zookeeper' || path.startsWith('/zookeeper/')) {
    throw new ZkError('INVALID_REQUEST', 'The /zookeeper subtree is managed by ZooKeeper itself', path);
  }
  if (opts.recursive) {
    const levels = await subtreeLevels(session, path);
    const total = levels.reduce((n, l) => n + l.length, 0) + 1;
    let deleted = 0;
    opts.onProgress?.({ deleted, total });
    for (const level of levels.reverse()) {
      await mapLimit(level, 128, async (p) => {
        await session.run((h) => h.delete(p, -1)).catch((e) => {
          // Someone else removed it first: the outcome is the same.
          if (!(isZkError(e) && e.code === 'NO_NODE')) throw e;
        });
        deleted++;
        if (deleted % 50 === 0) opts.onProgress?.({ deleted, total });
      });
    }
    for (const p of new Set(levels.flat().map(parentPath))) invalidateChildren(session, p);
    await session.run((h) => h.delete(path, opts.version));
    opts.onProgress?.({ deleted: total, total });
  } else {
    await session.run((h) => h.delete(path, opts.version));
  }
  invalidateChildren(session, parentPath(path));
}

export async function syncPath(session: ZkSession, path: string): Promise<void> {
  assertPath(path);
  await session.run((h) => h.sync(path));
}

export async function getAcl(session: ZkSession, path: string): Promise<{ acl: AclEntry[]; stat: ZkStat }> {
  assertPath(path);
  const { acl, stat } = await session.run((h) => h.getAcl(path));
  return { acl: fromNativeAcl(acl), stat };
}

export async function setAcl(session: ZkSession, path: string, acl: AclEntry[], version: number): Promise<ZkStat> {
  assertPath(path);
  if (acl.length === 0) throw new ZkError('INVALID_REQUEST', 'An ACL needs at least one entry', path);
  const native = toNativeAcl(acl);
  try {
    await session.run((h) => h.setAcl(path, version, native));
  } catch (e) {
    if (isZkError(e) && e.code === 'BAD_VERSION') {
      const current = await getAcl(session, path).catch(() => null);
      e.message = `The ACL was changed by someone else: you edited ACL version ${version}, it is now at ${current?.stat.aversion ?? 'unknown'}`;
      e.details = { current };
    }
    throw e;
  }
  const stat = await session.run((h) => h.exists(path));
  if (!stat) throw new ZkError('NO_NODE', 'The node does not exist', path);
  return stat;
}

/** Runs fn over items with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  });
  await Promise.all(workers);
  return results;
}
