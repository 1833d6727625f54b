/**
 * ZooKeeper credentials an operator added (`addauth`), held in server memory only and bound to
 * their sign-in session: never written to disk, never sent back to the browser. Requests from
 * that session use a ZooKeeper session carrying exactly these credentials; when the set changes
 * or the sign-in session ends, the ZooKeeper session nobody else uses is closed.
 *
 * Kept here, not in lib/auth: these are ZooKeeper's credentials and sessions, which sign-in
 * knows nothing about; sign-in only tells us (onSessionEnd) when a session is over.
 */
import 'server-only';
import { ZkError } from '@/lib/zk/errors';
import { releaseSession } from '@/lib/zk/registry';
import { processSingleton } from '@/lib/zk/singleton';
import type { Identity } from '@/lib/shared/wire';
import type { Credential } from '@/lib/zk/session';
import { onSessionEnd } from '@/lib/auth/sessions';

interface Held {
  credential: Credential;
  identity: Identity;
}

const MAX_PER_CONNECTION = 8;
const MAX_CREDENTIAL_LENGTH = 1024;

/** sign-in session id → connection id → credentials. */
const held = processSingleton('credentials', () => new Map<string, Map<string, Held[]>>());

/** Checks a credential before it reaches ZooKeeper: a malformed one fails the whole ZooKeeper session. */
export function parseCredential(scheme: string, credential: string): Held {
  if (scheme !== 'digest') {
    throw new ZkError(
      'UNSUPPORTED',
      `Only digest credentials can be added here (got "${scheme}"); ip, x509 and sasl identities come from how the connection itself is made`,
    );
  }
  const colon = credential.indexOf(':');
  if (colon <= 0 || colon === credential.length - 1) {
    throw new ZkError('INVALID_REQUEST', 'A digest credential is "user:password" with both parts non-empty');
  }
  if (credential.length > MAX_CREDENTIAL_LENGTH) {
    throw new ZkError('INVALID_REQUEST', `A credential may be at most ${MAX_CREDENTIAL_LENGTH} characters`);
  }
  return { credential: { scheme, credential }, identity: { scheme, id: credential.slice(0, colon), addedAt: Date.now() } };
}

function entries(sessionId: string | null, connectionId: string): Held[] {
  return (sessionId && held.get(sessionId)?.get(connectionId)) || [];
}

export function credentialsOf(sessionId: string | null, connectionId: string): Credential[] {
  return entries(sessionId, connectionId).map((h) => h.credential);
}

export function identitiesOf(sessionId: string | null, connectionId: string): Identity[] {
  return entries(sessionId, connectionId).map((h) => ({ ...h.identity }));
}

const setKey = (list: readonly Held[]) => list.map((h) => `${h.credential.scheme}\u0000${h.credential.credential}`).sort().join('\u0001');

/** Closes the ZooKeeper session of a credential set that no sign-in session holds any more. */
function releaseIfUnused(connectionId: string, old: Held[]): void {
  if (old.length === 0) return; // the anonymous session is shared by everyone
  const key = setKey(old);
  for (const byConnection of held.values()) {
    const list = byConnection.get(connectionId);
    if (list && setKey(list) === key) return;
  }
  releaseSession(connectionId, old.map((h) => h.credential));
}

function replace(sessionId: string, connectionId: string, next: Held[]): void {
  const old = entries(sessionId, connectionId);
  const byConnection = held.get(sessionId) ?? new Map<string, Held[]>();
  if (next.length > 0) byConnection.set(connectionId, next);
  else byConnection.delete(connectionId);
  if (byConnection.size > 0) held.set(sessionId, byConnection);
  else held.delete(sessionId);
  releaseIfUnused(connectionId, old);
}

/** Adds a credential; a new password for an identity already held replaces the old one. */
export function addCredential(sessionId: string, connectionId: string, scheme: string, credential: string): Identity {
  const added = parseCredential(scheme, credential);
  const current = entries(sessionId, connectionId);
  const others = current.filter((h) => !(h.identity.scheme === scheme && h.identity.id === added.identity.id));
  if (others.length >= MAX_PER_CONNECTION) {
    throw new ZkError('INVALID_REQUEST', `At most ${MAX_PER_CONNECTION} identities can be active per connection; drop one first`);
  }
  replace(sessionId, connectionId, [...others, added]);
  return { ...added.identity };
}

/** Drops one identity (scheme and id) or, without one, all of them; returns what was dropped. */
export function dropCredentials(sessionId: string | null, connectionId: string, only?: { scheme: string; id: string }): Identity[] {
  if (!sessionId) return [];
  const current = entries(sessionId, connectionId);
  const dropped = current.filter((h) => !only || (h.identity.scheme === only.scheme && h.identity.id === only.id));
  if (dropped.length > 0) replace(sessionId, connectionId, current.filter((h) => !dropped.includes(h)));
  return dropped.map((h) => ({ ...h.identity }));
}

onSessionEnd('zk-credentials', (session) => {
  for (const connectionId of [...(held.get(session.id)?.keys() ?? [])]) dropCredentials(session.id, connectionId);
});
