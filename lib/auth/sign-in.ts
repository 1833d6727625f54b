/**
 * Signing in and out with a users-file account: throttled per account and client address
 * (rate-limit.ts), password checks bounded in number (password.ts), failures aggregated in the
 * audit (failed-sign-ins.ts), and hashes made with older parameters replaced on success.
 */
import 'server-only';
import { recordAs } from '@/lib/audit/recorder';
import { ZkError } from '@/lib/zk/errors';
import { authMode } from './exposure';
import { flushFailedSignIns, noteFailedSignIn, UNKNOWN_OPERATOR } from './failed-sign-ins';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { clearFailures, recordFailure, retryAfterSeconds } from './rate-limit';
import type { Role } from '@/lib/shared/roles';
import { createSession, endSession, type SignInSession } from './sessions';
import { findUser, upsertUser, usersFilePath, type UserRecord } from './users';

function rateLimited(seconds: number): ZkError {
  return new ZkError('RATE_LIMITED', `Too many failed sign-ins from here; try again in ${seconds} s`, undefined, { retryAfterSeconds: seconds });
}

/** Today's scrypt parameters for a hash made with older ones; a failure leaves the old hash. */
async function rehash(user: UserRecord, password: string): Promise<void> {
  const file = usersFilePath();
  if (!file || !needsRehash(user.hash)) return;
  try {
    upsertUser(file, { ...user, hash: await hashPassword(password) });
  } catch (e) {
    console.error('[zooscope] could not rehash the password of', user.name, (e as Error).message);
  }
}

/** `address` is the client's (socket-stamp.ts clientAddressOf), for throttling and the audit. */
export async function signIn(username: string, password: string, address = 'unknown'): Promise<{ token: string; session: SignInSession; role: Role }> {
  if (authMode() !== 'users') {
    throw new ZkError('INVALID_REQUEST', 'This dashboard runs in local mode (no users file): there is nothing to sign in to');
  }
  const wait = retryAfterSeconds(username, address);
  if (wait > 0) throw rateLimited(wait);
  // Counted as a failure before the (slow) check, so parallel guesses cannot slip past the limit.
  recordFailure(username, address);
  const user = findUser(username);
  const ok = await verifyPassword(password, user?.hash ?? null);
  if (!user || !ok) {
    noteFailedSignIn(user ? user.name : UNKNOWN_OPERATOR, address, user ? 'wrong password' : 'unknown user name');
    // Same answer for an unknown name and a wrong password.
    throw new ZkError('UNAUTHENTICATED', 'Wrong user name or password');
  }
  clearFailures(username, address);
  flushFailedSignIns({ operator: user.name });
  await rehash(user, password);
  const { token, session } = createSession(user.name, 'user');
  recordAs({ operator: user.name }, { operation: 'sign_in', detail: { role: user.role } });
  return { token, session, role: user.role };
}

export function signOut(token: string | null): void {
  const session = endSession(token);
  if (session?.kind === 'user') recordAs({ operator: session.user }, { operation: 'sign_out' });
}
