import 'server-only';
import { getConnectionConfig } from '@/lib/zk/config';
import { ZkError } from '@/lib/zk/errors';
import { getSession } from '@/lib/zk/registry';
import type { ZkSession } from '@/lib/zk/session';
import type { ConnectionConfig } from '@/lib/shared/types';
import { authenticate, type Operator, type Access } from './auth';

export interface RequestContext {
  operator: Operator;
  connection: ConnectionConfig;
  session: ZkSession;
}

/**
 * Resolves who is asking and which ZooKeeper session serves them, enforcing the access the
 * route needs: every route calls this first, so enforcement never depends on the UI.
 */
export async function connectionContext(request: Request, connectionId: string, access: Access): Promise<RequestContext> {
  const operator = await authenticate(request, access);
  const connection = getConnectionConfig(connectionId);
  if (access !== 'read' && connection.readOnly) {
    throw new ZkError('READ_ONLY', `The connection "${connection.name}" is read-only`);
  }
  const session = getSession(connection.id, operator.credentialsFor(connection.id));
  return { operator, connection, session };
}
