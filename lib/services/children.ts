/** One page of a node's sorted child list (the list itself is cached briefly by lib/zk). */
import 'server-only';
import { listChildren, type ChildrenQuery } from '@/lib/zk/children';
import type { ZkSession } from '@/lib/zk/session';
import type { ChildrenPage } from '@/lib/shared/wire';

export function childrenPage(session: ZkSession, path: string, query: ChildrenQuery): Promise<ChildrenPage> {
  return listChildren(session, path, query);
}
