/** How many nodes a recursive delete would remove (for the confirmation dialog). */
import 'server-only';
import { countSubtree } from '@/lib/zk/subtree';
import type { ZkSession } from '@/lib/zk/session';
import type { SubtreeCount } from '@/lib/shared/wire';

export async function subtreeCount(session: ZkSession, path: string): Promise<SubtreeCount> {
  return { path, ...(await countSubtree(session, path)) };
}
