/**
 * Sign-in sessions, held in server memory only (a restart signs everyone out, which also forgets
 * every ZooKeeper credential added through them). The browser holds an opaque random token in an
 * HttpOnly cookie; the store keys sessions by the token's SHA-256, never by the token itself.
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { createHash, randomBytes } from 'node:crypto';

export interface SignInSession {
  /** Internal id (not the token): binds credentials and audit entries to this session. */
  id: string;
  user: string;
  /** 'local': a browser in local mode (no users file), identified only to keep its credentials apart. */
  kind: 'user' | 'local';
  createdAt: number;
  lastSeenAt: number;
}

function seconds(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Idle timeout (default 30 minutes) and absolute lifetime (default 12 hours), in ms. */
export function sessionTimeouts(): { idleMs: number; maxMs: number } {
  return {
    idleMs: seconds('ZOOSCOPE_SESSION_IDLE_SECONDS', 30 * 60) * 1000,
    maxMs: seconds('ZOOSCOPE_SESSION_MAX_SECONDS', 12 * 3600) * 1000,
  };
}

type EndListener = (session: SignInSession) => void;

interface Store {
  byTokenHash: Map<string, SignInSession>;
  /** By name, so a module reloaded in development replaces its listener instead of adding one. */
  listeners: Map<string, EndListener>;
  /**
   * One timer per session, due when it would time out: it ends then (releasing its ZooKeeper
   * credentials and streams at once, even when nobody comes back), or re-arms if it was used.
   */
  timers: Map<string, NodeJS.Timeout>;
}
const store = processSingleton<Store>('signIn', () => ({ byTokenHash: new Map(), listeners: new Map(), timers: new Map() }));

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Called whenever a session ends (sign-out, timeout, user removed), to drop what it held. */
export function onSessionEnd(name: string, listener: EndListener): void {
  store.listeners.set(name, listener);
}

export function createSession(user: string, kind: SignInSession['kind']): { token: string; session: SignInSession } {
  sweep();
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const session: SignInSession = { id: randomBytes(12).toString('hex'), user, kind, createdAt: now, lastSeenAt: now };
  store.byTokenHash.set(hashToken(token), session);
  arm(hashToken(token), session);
  return { token, session };
}

function arm(key: string, session: SignInSession): void {
  const due = Math.max(0, sessionExpiresAt(session) - Date.now()) + 1;
  const timer = setTimeout(() => {
    store.timers.delete(key);
    if (store.byTokenHash.get(key) !== session) return;
    if (expired(session, Date.now())) end(key, session);
    else arm(key, session);
  }, due);
  timer.unref();
  store.timers.set(key, timer);
}

function expired(s: SignInSession, now: number): boolean {
  const { idleMs, maxMs } = sessionTimeouts();
  return now - s.lastSeenAt > idleMs || now - s.createdAt > maxMs;
}

function end(key: string, session: SignInSession): void {
  store.byTokenHash.delete(key);
  clearTimeout(store.timers.get(key));
  store.timers.delete(key);
  for (const l of store.listeners.values()) l(session);
}

/** The live session for a token, its idle clock reset; null when unknown or timed out. */
export function touchSession(token: string | null): SignInSession | null {
  if (!token) return null;
  const key = hashToken(token);
  const session = store.byTokenHash.get(key);
  if (!session) return null;
  const now = Date.now();
  if (expired(session, now)) {
    end(key, session);
    return null;
  }
  session.lastSeenAt = now;
  return session;
}

export function endSession(token: string | null): SignInSession | null {
  if (!token) return null;
  const key = hashToken(token);
  const session = store.byTokenHash.get(key);
  if (session) end(key, session);
  return session ?? null;
}

/** The live session with this internal id, if any (not touched: its idle clock is unchanged). */
export function sessionById(id: string, now = Date.now()): SignInSession | null {
  for (const s of store.byTokenHash.values()) if (s.id === id) return expired(s, now) ? null : s;
  return null;
}

/** Ends every session of a user (removed from the users file). */
export function endSessionsOf(user: string): void {
  for (const [key, s] of store.byTokenHash) if (s.kind === 'user' && s.user === user) end(key, s);
}

/** When the session ends unless used again (the earlier of the two timeouts), ms since the epoch. */
export function sessionExpiresAt(session: SignInSession): number {
  const { idleMs, maxMs } = sessionTimeouts();
  return Math.min(session.lastSeenAt + idleMs, session.createdAt + maxMs);
}

/** Drops timed-out sessions now (the timers do it too; this also catches timeouts shortened since). */
export function sweep(now = Date.now()): void {
  for (const [key, s] of store.byTokenHash) if (expired(s, now)) end(key, s);
}
