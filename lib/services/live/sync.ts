/** Brings the serving ZooKeeper server up to date with the leader before a fresh read. */
import 'server-only';
import { syncPath } from '@/lib/zk/nodes';
import type { ZkSession } from '@/lib/zk/session';

export function syncNode(session: ZkSession, path: string): Promise<void> {
  return syncPath(session, path);
}
