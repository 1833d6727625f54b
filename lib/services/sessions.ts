/** The dashboard's ZooKeeper sessions: the operator's on one connection, and all of its own. */
import 'server-only';
import { listOwnSessions } from '@/lib/ops/own-sessions';
import type { ZkSession } from '@/lib/zk/session';
import { describeSession } from '@/lib/zk/session-info';
import type { SessionInfo } from '@/lib/shared/types';
import type { OwnSessionsResponse } from '@/lib/shared/wire';

export function sessionInfo(session: ZkSession): Promise<SessionInfo> {
  return describeSession(session);
}

/** Every connection's sessions; with `ephemerals`, the nodes they own (runs `dump`). */
export async function ownSessions(options: { ephemerals: boolean }): Promise<OwnSessionsResponse> {
  return { sessions: await listOwnSessions(options) };
}
