/** How many nodes a recursive delete would remove (for the confirmation dialog). */
import 'server-only';
import { countSubtree } from '@/lib/zk/subtree';
import type { SubtreeCount } from '@/lib/shared/wire';
import type { ConnectionContext } from './connections';
import { heavyRead } from './heavy-reads';

export async function subtreeCount({ operator, session }: ConnectionContext, path: string): Promise<SubtreeCount> {
  return { path, ...(await heavyRead(operator, 'subtree counts', () => countSubtree(session, path))) };
}
