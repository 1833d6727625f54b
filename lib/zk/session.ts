import 'server-only';
import { EventEmitter } from 'node:events';
import { ZkError } from './errors';
import { ZkHandle, type HandleCloseReason } from './client';
import { bindingSecurity } from './connection-security';
import { tlsPreflight } from './tls-preflight';
import type { ConnectionConfig, SessionInfo, SessionState } from '@/lib/shared/types';

export interface Credential {
  scheme: string;
  credential: string;
}

/** How long a request waits for a connection before it fails as CONNECTION_UNAVAILABLE. */
export function connectWaitMs(): number {
  return Number(process.env.ZOOSCOPE_CONNECT_WAIT_MS) || 10_000;
}

/** After a TLS or SASL failure, requests fail at once with it for this long; then the next one retries. */
const RETRY_AFTER_FAILURE_MS = 5000;
/** A TLS preflight that got no answer is made again after this pause. */
const PREFLIGHT_RETRY_MS = 1000;

/**
 * Events: 'state' (SessionState), 'connected' (handle), 'disconnected', 'expired', 'recovered'
 * (new handle after an expiry), 'closed'.
 */
export class ZkSession extends EventEmitter {
  readonly config: ConnectionConfig;
  readonly credentials: readonly Credential[];
  /** Null while a TLS session's preflight runs, and after a TLS or SASL failure. */
  private handle: ZkHandle | null = null;
  /** Counts opens, so that a preflight that finishes after a newer open (or a close) is dropped. */
  private opens = 0;
  /** Why a TLS session has no handle yet: a server that does not answer the handshake. */
  private pending: string | null = null;
  private state: SessionState = 'connecting';
  private waiters: Array<{ resolve: (h: ZkHandle) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }> = [];
  private expiredOnce = false;
  /** A TLS handshake or SASL login that failed: the handle is closed until a request retries. */
  private failure: { error: ZkError; at: number } | null = null;
  /** The server this session is connected to, when known (see session-info.ts). */
  server: string | null = null;
  lastUsed = Date.now();

  constructor(config: ConnectionConfig, credentials: readonly Credential[] = []) {
    super();
    this.setMaxListeners(0);
    this.config = config;
    this.credentials = credentials;
    this.open();
  }

  /**
   * Opens a handle. A TLS session first makes one handshake from Node with the same files: the C
   * client's handshake runs on the thread that drives it and retries a refusal for ever, so a
   * wrong CA or a refused certificate must fail here, before the C client is involved.
   */
  private open(): void {
    this.handle = null;
    const files = this.config.tls;
    if (!files) {
      this.handle = this.createHandle();
      return;
    }
    const attempt = ++this.opens;
    void tlsPreflight(this.config.connectString, files).then((result) => {
      if (attempt !== this.opens || this.state === 'closed') return;
      this.pending = result.kind === 'silent' ? result.message : null;
      if (result.kind === 'refused') this.fail(result.error);
      else if (result.kind === 'ok') this.handle = this.createHandle();
      else setTimeout(() => attempt === this.opens && this.state !== 'closed' && this.open(), PREFLIGHT_RETRY_MS).unref();
    });
  }

  private createHandle(): ZkHandle {
    const handle: ZkHandle = new ZkHandle(
      this.config.connectString,
      this.config.sessionTimeoutMs,
      {
        onConnected: () => this.onConnected(handle),
        onConnecting: () => this.onConnecting(handle),
        onClosed: (reason) => this.onClosed(handle, reason),
      },
      bindingSecurity(this.config),
    );
    // Credentials are sent before any request; the C client queues them until connected.
    for (const c of this.credentials) {
      handle.addAuth(c.scheme, c.credential).catch(() => {
        // An auth failure closes the handle; onClosed reports it.
      });
    }
    return handle;
  }

  private setState(state: SessionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  /** Stops the handle (the C client would retry for ever) and fails every waiting request with `error`. */
  private fail(error: ZkError): void {
    this.failure = { error, at: Date.now() };
    this.handle?.close();
    this.handle = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  private onConnected(handle: ZkHandle): void {
    if (handle !== this.handle) return;
    this.failure = null;
    this.server = null;
    this.setState('connected');
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve(handle);
    }
    this.emit('connected', handle);
    if (this.expiredOnce) {
      this.expiredOnce = false;
      this.emit('recovered', handle);
    }
  }

  private onConnecting(handle: ZkHandle): void {
    if (handle !== this.handle) return;
    this.server = null;
    this.setState('connecting');
    this.emit('disconnected');
  }

  private onClosed(handle: ZkHandle, reason: HandleCloseReason): void {
    if (handle !== this.handle || this.state === 'closed') return;
    if (reason === 'closed') return;
    const sasl = this.config.sasl;
    if (reason === 'auth_failed' && sasl) {
      this.fail(
        new ZkError('AUTH_FAILED', `ZooKeeper refused the SASL ${sasl.mechanism} login of "${sasl.username}": check the user and the password in ${sasl.passwordFile}`),
      );
      return;
    }
    // Expired (or auth failed): the handle is dead; open a fresh one in its place.
    this.setState('expired');
    this.expiredOnce = true;
    this.emit('expired', reason);
    this.open();
    this.setState('connecting');
  }

  /** Waits for a connected handle. */
  ready(): Promise<ZkHandle> {
    this.lastUsed = Date.now();
    if (this.state === 'closed') return Promise.reject(new ZkError('CONNECTION_UNAVAILABLE', 'The connection is closed'));
    if (this.state === 'connected' && this.handle?.connected) return Promise.resolve(this.handle);
    if (this.failure) {
      if (Date.now() - this.failure.at < RETRY_AFTER_FAILURE_MS) return Promise.reject(this.failure.error);
      this.failure = null;
      this.open();
    }
    const waitMs = connectWaitMs();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(
          new ZkError(
            'CONNECTION_UNAVAILABLE',
            `Could not connect to ZooKeeper at ${this.config.connectString} within ${waitMs / 1000} s${this.pending ? `: ${this.pending}` : ''}`,
          ),
        );
      }, waitMs);
      this.waiters.push({ resolve, reject, timer });
    });
  }

  /** Runs fn with a connected handle. */
  async run<T>(fn: (handle: ZkHandle) => Promise<T>): Promise<T> {
    const handle = await this.ready();
    return fn(handle);
  }

  info(): SessionInfo {
    return {
      state: this.state,
      sessionId: this.handle?.sessionId ?? null,
      timeoutMs: this.handle?.negotiatedTimeoutMs ?? null,
      server: this.server,
    };
  }

  /** "ip:port" of the server the current handle is connected to, or null. */
  currentServer(): string | null {
    return this.handle?.currentServer ?? null;
  }

  get currentState(): SessionState {
    return this.state;
  }

  close(): void {
    if (this.state === 'closed') return;
    this.setState('closed');
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new ZkError('CONNECTION_UNAVAILABLE', 'The connection was closed'));
    }
    this.waiters = [];
    this.handle?.close();
    this.emit('closed');
  }
}
