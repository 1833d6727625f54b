/** The operator's ZooKeeper identities on one connection: add (audited), list, drop (audited). */
import 'server-only';
import type { Operator } from '@/lib/auth/operator';
import { recordAs } from '@/lib/audit/recorder';
import { getConnectionConfig } from '@/lib/zk/config';
import type { IdentitiesResponse } from '@/lib/shared/wire';
import { actorOf } from './connections';
import { addCredential, dropCredentials, identitiesOf } from './zk-credentials';

export function listIdentities(operator: Operator, connectionId: string): IdentitiesResponse {
  return { identities: identitiesOf(operator.sessionId, getConnectionConfig(connectionId).id) };
}

export function addIdentity(operator: Operator & { sessionId: string }, connectionId: string, scheme: string, credential: string): IdentitiesResponse {
  const connection = getConnectionConfig(connectionId);
  const identity = addCredential(operator.sessionId, connection.id, scheme, credential);
  recordAs(actorOf({ operator, connection }), { operation: 'auth_add', detail: { scheme: identity.scheme, id: identity.id } });
  return { identities: identitiesOf(operator.sessionId, connection.id) };
}

/** Drops one identity (scheme and id) or, without one, all of them. */
export function dropIdentities(operator: Operator, connectionId: string, only?: { scheme: string; id: string }): IdentitiesResponse {
  const connection = getConnectionConfig(connectionId);
  const dropped = dropCredentials(operator.sessionId, connection.id, only);
  if (dropped.length > 0) {
    recordAs(actorOf({ operator, connection }), { operation: 'auth_drop', detail: { identities: dropped.map((d) => `${d.scheme}:${d.id}`) } });
  }
  return { identities: identitiesOf(operator.sessionId, connection.id) };
}
