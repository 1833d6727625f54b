/** The configured connections, and the ZooKeeper session that serves an operator on one. */
import 'server-only';
import type { Operator } from '@/lib/auth/operator';
import type { AuditActor } from '@/lib/audit/recorder';
import { getConnectionConfig, listConnections } from '@/lib/zk/config';
import { saslSummary, tlsSummary } from '@/lib/zk/connection-security';
import { ZkError } from '@/lib/zk/errors';
import { getSession } from '@/lib/zk/registry';
import type { ZkSession } from '@/lib/zk/session';
import type { Access } from '@/lib/shared/roles';
import type { ConnectionConfig } from '@/lib/shared/types';
import type { ConnectionsResponse } from '@/lib/shared/wire';
import { credentialsOf } from './zk-credentials';

/** What a use case on one connection works with: who asks, where, and through which session. */
export interface ConnectionContext {
  operator: Operator;
  connection: ConnectionConfig;
  session: ZkSession;
}

export function actorOf(context: Pick<ConnectionContext, 'operator' | 'connection'>): AuditActor {
  return { operator: context.operator.name, connection: context.connection.id };
}

/** The operator's own ZooKeeper session on a connection: the one carrying their credentials. */
function sessionOf(operator: Operator, connectionId: string): ZkSession {
  return getSession(connectionId, credentialsOf(operator.sessionId, connectionId));
}

/**
 * The context of a request on a connection, refusing a change on a read-only connection. The
 * operator has already been authenticated for `access`.
 */
export function openConnection(operator: Operator, connectionId: string, access: Access): ConnectionContext {
  const connection = getConnectionConfig(connectionId);
  if (access !== 'read' && connection.readOnly) {
    throw new ZkError('READ_ONLY', `The connection "${connection.name}" is read-only`);
  }
  return { operator, connection, session: sessionOf(operator, connection.id) };
}

/** GET connections: each with the state of the operator's session on it. */
export function connectionSummaries(operator: Operator): ConnectionsResponse {
  return {
    connections: listConnections().map((c) => ({
      id: c.id,
      name: c.name,
      connectString: c.connectString,
      readOnly: c.readOnly,
      state: sessionOf(operator, c.id).currentState,
      sessionTimeoutMs: c.sessionTimeoutMs,
      adminUrl: c.adminUrl ?? null,
      origin: c.origin ?? 'runtime',
      version: c.version ?? null,
      tls: tlsSummary(c.tls),
      sasl: saslSummary(c.sasl),
    })),
  };
}

/** Ids and names only, for the pages' header and the start page. */
export function connectionNames(): Array<{ id: string; name: string }> {
  return listConnections().map(({ id, name }) => ({ id, name }));
}
