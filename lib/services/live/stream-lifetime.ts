/**
 * An event stream lives no longer than the sign-in session behind it: it ends when the session
 * does (sign-out, timeout, user removed) and, checked every RECHECK_MS, when its user was removed
 * or no longer has a role that may watch (a stream sends no requests that would notice).
 */
import 'server-only';
import { processSingleton } from '@/lib/zk/singleton';
import { onSessionEnd } from '@/lib/auth/sessions';
import { currentRole } from '@/lib/auth/signed-in';
import { roleAllows } from '@/lib/shared/roles';
import { allStreams } from './stream';

export const RECHECK_MS = 5_000;

onSessionEnd('live-streams', (session) => {
  for (const stream of allStreams()) if (stream.signInSession === session.id) stream.end();
});

/** Ends the streams whose operator may no longer watch; returns how many. */
export function recheckStreams(): number {
  let ended = 0;
  const roles = new Map<string, ReturnType<typeof currentRole>>();
  for (const stream of allStreams()) {
    const id = stream.signInSession;
    if (id === null) continue; // local mode without a session: the local admin
    if (!roles.has(id)) roles.set(id, currentRole(id));
    const role = roles.get(id)!;
    if (role === null || !roleAllows(role, 'read')) {
      stream.end();
      ended++;
    }
  }
  return ended;
}

processSingleton('streamRecheck', () =>
  setInterval(() => {
    try {
      recheckStreams();
    } catch (e) {
      console.error('[zooscope] could not re-check event streams:', (e as Error).message);
    }
  }, RECHECK_MS).unref(),
);
