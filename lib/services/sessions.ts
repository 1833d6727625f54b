/** The dashboard's ZooKeeper sessions: the operator's on one connection, and all of its own. */
import 'server-only';
import { listOwnSessions } from '@/lib/ops/own-sessions';
import { sessionEphemerals } from '@/lib/ops/session-ephemerals';
import type { ZkSession } from '@/lib/zk/session';
import { describeSession } from '@/lib/zk/session-info';
import type { SessionInfo } from '@/lib/shared/types';
import type { OwnSessionsResponse, SessionEphemerals } from '@/lib/shared/wire';

export function sessionInfo(session: ZkSession): Promise<SessionInfo> {
  return describeSession(session);
}

/** Every connection's sessions; with `ephemerals`, the nodes they own (runs `dump`). */
export async function ownSessions(options: { ephemerals: boolean }): Promise<OwnSessionsResponse> {
  return { sessions: await listOwnSessions(options) };
}

/** The ephemeral nodes of any ZooKeeper session of this connection (runs `dump`, on request only). */
export function ephemeralsOfSession(session: ZkSession, sessionId: string): Promise<SessionEphemerals> {
  return sessionEphemerals(session.config.connectString, session.config.adminUrl, sessionId);
}
