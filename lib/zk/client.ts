import 'server-only';
import ZooKeeper from 'zookeeper';
import { ZkError, ZRC, errorFromRc } from './errors';
import type { ZkStat } from '@/lib/shared/types';

/** What the native binding hands to callbacks (see node_modules/zookeeper/src/node-zk.cpp). */
type NativeStat = Omit<ZkStat, 'ctime' | 'mtime'> & { ctime: Date; mtime: Date };

export interface NativeAcl {
  perms: number;
  scheme: string;
  auth: string;
}

type WatchCallback = (type: number, state: number, path: string) => void;

/** One operation of a transaction, in the binding's form (see lib/zk/multi.ts). */
export type NativeMultiOp =
  | { type: 'create'; path: string; data: Buffer; flags: number; acl: NativeAcl[] }
  | { type: 'delete'; path: string; version: number }
  | { type: 'set'; path: string; data: Buffer; version: number }
  | { type: 'check'; path: string; version: number };

export interface NativeMultiResult {
  err: number;
  path?: string;
  stat?: NativeStat;
}

/** Which of a path's watches to remove: data (getData/exists), children, or both. */
export type WatcherType = 'data' | 'children' | 'any';

const OPEN_NATIVE_ACL: NativeAcl[] = [{ scheme: 'world', auth: 'anyone', perms: 31 }];

/** The subset of the binding's callback API we use; each call returns a synchronous rc. */
interface NativeClient {
  init(config: Record<string, unknown>): void;
  close(): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  readonly client_id: string;
  readonly timeout: number;
  readonly state: number;
  // current_server and the next three come from patches/zookeeper+7.3.0.patch.
  readonly current_server: string | null;
  a_create2_acl(
    path: string,
    data: Buffer,
    flags: number,
    acl: NativeAcl[],
    ttl: number,
    cb: (rc: number, err: unknown, path: string | null, stat: NativeStat | null) => void,
  ): number;
  a_multi(ops: NativeMultiOp[], cb: (rc: number, err: unknown, results: NativeMultiResult[]) => void): number;
  a_remove_watches(path: string, type: WatcherType, local: boolean, cb: (rc: number, err: unknown) => void): number;
  a_exists(path: string, watch: boolean, cb: (rc: number, err: unknown, stat: NativeStat) => void): number;
  aw_exists(path: string, watchCb: WatchCallback, cb: (rc: number, err: unknown, stat: NativeStat) => void): number;
  a_get(path: string, watch: boolean, cb: (rc: number, err: unknown, stat: NativeStat, data: Buffer | null) => void): number;
  aw_get(path: string, watchCb: WatchCallback, cb: (rc: number, err: unknown, stat: NativeStat, data: Buffer | null) => void): number;
  a_get_children2(path: string, watch: boolean, cb: (rc: number, err: unknown, children: string[], stat: NativeStat) => void): number;
  aw_get_children2(path: string, watchCb: WatchCallback, cb: (rc: number, err: unknown, children: string[], stat: NativeStat) => void): number;
  a_set(path: string, data: Buffer, version: number, cb: (rc: number, err: unknown, stat: NativeStat) => void): number;
  a_delete_(path: string, version: number, cb: (rc: number, err: unknown) => void): number;
  a_get_acl(path: string, cb: (rc: number, err: unknown, acl: NativeAcl[], stat: NativeStat) => void): number;
  a_set_acl(path: string, version: number, acl: NativeAcl[], cb: (rc: number, err: unknown) => void): number;
  add_auth(scheme: string, auth: string, cb: (rc: number, err: unknown) => void): number;
  a_sync(path: string, cb: (rc: number, err: unknown) => void): number;
  a_getconfig(watch: boolean, cb: (rc: number, err: unknown, stat: NativeStat, data: Buffer | null) => void): number;
}

/** Native create flags (zookeeper.h). */
export const CREATE_FLAGS = {
  persistent: 0,
  ephemeral: 1,
  persistent_sequential: 2,
  ephemeral_sequential: 3,
  container: 4,
  ttl: 5,
  ttl_sequential: 6,
} as const;

/** Watch event types (zookeeper.h). */
export const WATCH_EVENT = { CREATED: 1, DELETED: 2, CHANGED: 3, CHILD: 4, SESSION: -1, NOT_WATCHING: -2 } as const;

/** Session states passed with a "close" event by the binding. */
const EXPIRED_SESSION_STATE = -112;
const AUTH_FAILED_STATE = -113;

const REQUEST_TIMEOUT_MS = 30_000;

export function toStat(s: NativeStat): ZkStat {
  return {
    czxid: s.czxid,
    mzxid: s.mzxid,
    pzxid: s.pzxid,
    ctime: s.ctime instanceof Date ? s.ctime.getTime() : Number(s.ctime),
    mtime: s.mtime instanceof Date ? s.mtime.getTime() : Number(s.mtime),
    version: s.version,
    cversion: s.cversion,
    aversion: s.aversion,
    ephemeralOwner: s.ephemeralOwner,
    dataLength: s.dataLength,
    numChildren: s.numChildren,
  };
}

export type HandleCloseReason = 'closed' | 'expired' | 'auth_failed';

export interface HandleEvents {
  onConnected(): void;
  onConnecting(): void;
  onClosed(reason: HandleCloseReason): void;
}

/**
 * One native ZooKeeper handle, as promises. Once closed (by us, by expiry or by an auth failure)
 * the native object is never touched again: the binding segfaults on a closed handle.
 */
export class ZkHandle {
  private readonly native: NativeClient;
  private closed = false;
  connected = false;

  /** security: the binding's `ssl` or `sasl` init option (see connection-security.ts). */
  constructor(connectString: string, timeoutMs: number, events: HandleEvents, security: Record<string, unknown> = {}) {
    const Ctor = ZooKeeper as unknown as new (config: Record<string, unknown>) => NativeClient;
    const config = {
      connect: connectString,
      timeout: timeoutMs,
      debug_level: 0,
      host_order_deterministic: false,
      data_as_buffer: true,
      // Large child lists arrive in many polls; the default limit (10) expires the session.
      response_counter_limit: 1_000_000,
      ...security,
    };
    this.native = new Ctor(config);
    this.native.on('connect', () => {
      this.connected = true;
      events.onConnected();
    });
    this.native.on('connecting', () => {
      this.connected = false;
      events.onConnecting();
    });
    this.native.on('close', (...args: unknown[]) => {
      const code = Number(args[1] ?? 0);
      this.closed = true;
      this.connected = false;
      events.onClosed(code === EXPIRED_SESSION_STATE ? 'expired' : code === AUTH_FAILED_STATE ? 'auth_failed' : 'closed');
    });
    this.native.init({});
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get sessionId(): string | null {
    if (this.closed || !this.connected) return null;
    return this.native.client_id;
  }

  get negotiatedTimeoutMs(): number | null {
    if (this.closed || !this.connected) return null;
    const t = this.native.timeout;
    return t > 0 ? t : null;
  }

  /** "ip:port" of the server the session is connected to, as the C client knows it (zoo_get_current_server). */
  get currentServer(): string | null {
    if (this.closed || !this.connected) return null;
    return this.native.current_server;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connected = false;
    this.native.close();
  }

  /** Runs one async native call; rejects with a typed error on a non-zero rc or a timeout. */
  private call<T>(path: string | undefined, start: (done: (rc: number, value?: T) => void) => number): Promise<T> {
    if (this.closed) return Promise.reject(new ZkError('SESSION_EXPIRED', 'The ZooKeeper session is closed', path));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new ZkError('TIMEOUT', `ZooKeeper did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`, path));
      }, REQUEST_TIMEOUT_MS);
      const done = (rc: number, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (rc === ZRC.ZOK) resolve(value as T);
        else reject(errorFromRc(rc, path));
      };
      const rc = start(done);
      if (rc !== ZRC.ZOK) done(rc);
    });
  }

  exists(path: string, watch?: WatchCallback): Promise<ZkStat | null> {
    return this.call<ZkStat | null>(path, (done) => {
      const cb = (rc: number, _e: unknown, stat: NativeStat) =>
        rc === ZRC.ZNONODE ? done(ZRC.ZOK, null) : done(rc, rc === ZRC.ZOK ? toStat(stat) : undefined);
      return watch ? this.native.aw_exists(path, watch, cb) : this.native.a_exists(path, false, cb);
    });
  }

  get(path: string, watch?: WatchCallback): Promise<{ stat: ZkStat; data: Buffer }> {
    return this.call(path, (done) => {
      const cb = (rc: number, _e: unknown, stat: NativeStat, data: Buffer | null) =>
        done(rc, rc === ZRC.ZOK ? { stat: toStat(stat), data: data ?? Buffer.alloc(0) } : undefined);
      return watch ? this.native.aw_get(path, watch, cb) : this.native.a_get(path, false, cb);
    });
  }

  children(path: string, watch?: WatchCallback): Promise<{ children: string[]; stat: ZkStat }> {
    return this.call(path, (done) => {
      const cb = (rc: number, _e: unknown, children: string[], stat: NativeStat) =>
        done(rc, rc === ZRC.ZOK ? { children: children ?? [], stat: toStat(stat) } : undefined);
      return watch ? this.native.aw_get_children2(path, watch, cb) : this.native.a_get_children2(path, false, cb);
    });
  }

  /** Creates a node with its ACL in the same request; answers the created path and its stat. */
  createWithAcl(path: string, data: Buffer, flags: number, acl: NativeAcl[], ttlMs?: number): Promise<{ path: string; stat: ZkStat }> {
    return this.call(path, (done) =>
      this.native.a_create2_acl(path, data, flags, acl, ttlMs ?? -1, (rc, _e, created, stat) =>
        done(rc, rc === ZRC.ZOK ? { path: created ?? path, stat: toStat(stat!) } : undefined),
      ),
    );
  }

  /** Creates a node open to everyone (world:anyone:cdrwa); answers the created path. */
  async create(path: string, data: Buffer, flags: number, ttlMs?: number): Promise<string> {
    return (await this.createWithAcl(path, data, flags, OPEN_NATIVE_ACL, ttlMs)).path;
  }

  /**
   * Sends the ops as one transaction. Resolves with the overall rc and one result per op, also
   * when the server refused the transaction: lib/zk/multi.ts names the op that failed.
   */
  multi(ops: NativeMultiOp[]): Promise<{ rc: number; results: NativeMultiResult[] }> {
    return this.call(ops[0]?.path, (done) => this.native.a_multi(ops, (rc, _e, results) => done(ZRC.ZOK, { rc, results })));
  }

  /**
   * Removes this handle's watches of `type` on `path`, from the server too unless `local`.
   * Resolves false when there was no such watch (it fired, or was never set).
   */
  removeWatches(path: string, type: WatcherType, local = false): Promise<boolean> {
    return this.call(path, (done) => {
      const rc = this.native.a_remove_watches(path, type, local, (r) => done(r === ZRC.ZNOWATCHER ? ZRC.ZOK : r, r === ZRC.ZOK));
      return rc === ZRC.ZNOWATCHER ? (done(ZRC.ZOK, false), ZRC.ZOK) : rc;
    });
  }

  set(path: string, data: Buffer, version: number): Promise<ZkStat> {
    return this.call(path, (done) =>
      this.native.a_set(path, data, version, (rc, _e, stat) => done(rc, rc === ZRC.ZOK ? toStat(stat) : undefined)),
    );
  }

  delete(path: string, version: number): Promise<void> {
    return this.call(path, (done) => this.native.a_delete_(path, version, (rc) => done(rc)));
  }

  getAcl(path: string): Promise<{ acl: NativeAcl[]; stat: ZkStat }> {
    return this.call(path, (done) =>
      this.native.a_get_acl(path, (rc, _e, acl, stat) =>
        done(rc, rc === ZRC.ZOK ? { acl: acl ?? [], stat: toStat(stat) } : undefined),
      ),
    );
  }

  setAcl(path: string, version: number, acl: NativeAcl[]): Promise<void> {
    return this.call(path, (done) => this.native.a_set_acl(path, version, acl, (rc) => done(rc)));
  }

  addAuth(scheme: string, credential: string): Promise<void> {
    return this.call(undefined, (done) => this.native.add_auth(scheme, credential, (rc) => done(rc)));
  }

  sync(path: string): Promise<void> {
    return this.call(path, (done) => this.native.a_sync(path, (rc) => done(rc)));
  }

  getConfig(): Promise<string> {
    return this.call('/zookeeper/config', (done) =>
      this.native.a_getconfig(false, (rc, _e, _stat, data) => done(rc, data ? data.toString('utf8') : '')),
    );
  }
}
