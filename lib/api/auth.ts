import 'server-only';
import type { Credential } from '@/lib/zk/session';

/** What a route needs: reading, changing data and nodes, or administration (ACLs, audit). */
export type Access = 'read' | 'write' | 'admin';

export interface Operator {
  name: string;
  role: 'viewer' | 'editor' | 'admin';
  /** The ZooKeeper credentials this operator added for a connection (held on the server only). */
  credentialsFor(connectionId: string): Credential[];
}

/** Local mode: no users file, loopback only, one implicit administrator. */
const localOperator: Operator = {
  name: 'local',
  role: 'admin',
  credentialsFor: () => [],
};

export async function authenticate(_request: Request, _access: Access): Promise<Operator> {
  return localOperator;
}
