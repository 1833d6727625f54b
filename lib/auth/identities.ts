/** The operator's ZooKeeper identities on one connection: add (audited), list, drop (audited). */
import 'server-only';
import type { Operator } from '@/lib/api/auth';
import { audit } from '@/lib/audit/changes';
import { getConnectionConfig } from '@/lib/zk/config';
import type { Identity } from '@/lib/shared/wire';
import { addCredential, dropCredentials, identitiesOf } from './zk-credentials';

export function listIdentities(operator: Operator, connectionId: string): Identity[] {
  return identitiesOf(operator.sessionId, getConnectionConfig(connectionId).id);
}

export function addIdentity(operator: Operator & { sessionId: string }, connectionId: string, scheme: string, credential: string): Identity[] {
  const connection = getConnectionConfig(connectionId);
  const identity = addCredential(operator.sessionId, connection.id, scheme, credential);
  audit({ operator, connection }, { operation: 'auth_add', detail: { scheme: identity.scheme, id: identity.id } });
  return identitiesOf(operator.sessionId, connection.id);
}

export function dropIdentities(operator: Operator, connectionId: string, only?: { scheme: string; id: string }): Identity[] {
  const connection = getConnectionConfig(connectionId);
  const dropped = dropCredentials(operator.sessionId, connection.id, only);
  if (dropped.length > 0) {
    audit({ operator, connection }, { operation: 'auth_drop', detail: { identities: dropped.map((d) => `${d.scheme}:${d.id}`) } });
  }
  return identitiesOf(operator.sessionId, connection.id);
}
