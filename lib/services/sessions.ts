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

/** Every connection's sessions, with the ephemeral nodes they own. */
export async function ownSessions(): Promise<OwnSessionsResponse> {
  return { sessions: await listOwnSessions() };
}
