import 'server-only';
import { createHash } from 'node:crypto';
import { getConnectionConfig } from './config';
import { ZkSession, type Credential } from './session';
import { processSingleton } from './singleton';

/**
 * One ZooKeeper session per (connection, credential set), created on first use and shared by
 * every route bundle of the process.
 */
interface Registry {
  sessions: Map<string, ZkSession>;
  shutdownHooked: boolean;
}

const registry = processSingleton<Registry>('registry', () => ({ sessions: new Map(), shutdownHooked: false }));

function credentialKey(credentials: readonly Credential[]): string {
  if (credentials.length === 0) return 'anonymous';
  const canonical = credentials.map((c) => `${c.scheme}\u0000${c.credential}`).sort().join('\u0001');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function hookShutdown(): void {
  if (registry.shutdownHooked) return;
  registry.shutdownHooked = true;
  const closeAll = () => closeAllSessions();
  process.once('beforeExit', closeAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      closeAll();
      process.exit(0);
    });
  }
}

export function getSession(connectionId: string, credentials: readonly Credential[] = []): ZkSession {
  const key = `${connectionId}\u0000${credentialKey(credentials)}`;
  const existing = registry.sessions.get(key);
  if (existing && existing.currentState !== 'closed') return existing;
  const config = getConnectionConfig(connectionId);
  const session = new ZkSession(config, credentials);
  registry.sessions.set(key, session);
  hookShutdown();
  return session;
}

/** The sessions that exist now, for status pages (never creates one). */
export function listSessions(): Array<{ connectionId: string; authenticated: boolean; session: ZkSession }> {
  return [...registry.sessions.values()]
    .filter((s) => s.currentState !== 'closed')
    .map((session) => ({ connectionId: session.config.id, authenticated: session.credentials.length > 0, session }));
}

/** Closes and forgets one credential set's session (e.g. when an operator drops credentials). */
export function releaseSession(connectionId: string, credentials: readonly Credential[]): void {
  const key = `${connectionId}\u0000${credentialKey(credentials)}`;
  registry.sessions.get(key)?.close();
  registry.sessions.delete(key);
}

export function closeAllSessions(): void {
  for (const s of registry.sessions.values()) s.close();
  registry.sessions.clear();
}

/** Closes every session of a connection (it was removed or changed): their watches end with them. */
export function closeConnectionSessions(connectionId: string): number {
  let closed = 0;
  for (const [key, session] of registry.sessions) {
    if (session.config.id !== connectionId) continue;
    session.close();
    registry.sessions.delete(key);
    closed++;
  }
  return closed;
}
