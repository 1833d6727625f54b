/** Signing in and out with a users-file account, rate-limited per account and audited. */
import 'server-only';
import { recordAs } from '@/lib/audit/recorder';
import { ZkError } from '@/lib/zk/errors';
import { authMode } from './exposure';
import { verifyPassword } from './password';
import { clearFailures, recordFailure, retryAfterSeconds } from './rate-limit';
import type { Role } from '@/lib/shared/roles';
import { createSession, endSession, type SignInSession } from './sessions';
import { findUser } from './users';

function rateLimited(seconds: number): ZkError {
  return new ZkError('RATE_LIMITED', `Too many failed sign-ins for this account; try again in ${seconds} s`, undefined, { retryAfterSeconds: seconds });
}

export async function signIn(username: string, password: string): Promise<{ token: string; session: SignInSession; role: Role }> {
  if (authMode() !== 'users') {
    throw new ZkError('INVALID_REQUEST', 'This dashboard runs in local mode (no users file): there is nothing to sign in to');
  }
  const wait = retryAfterSeconds(username);
  if (wait > 0) throw rateLimited(wait);
  // Counted as a failure before the (slow) check, so parallel guesses cannot slip past the limit.
  recordFailure(username);
  const user = findUser(username);
  const ok = await verifyPassword(password, user?.hash ?? null);
  if (!user || !ok) {
    // An unknown name is not recorded: it may be a password typed into the wrong field.
    recordAs({ operator: user ? user.name : '(unknown user)' }, { operation: 'sign_in_failed', detail: { reason: user ? 'wrong password' : 'unknown user name' } });
    // Same answer for an unknown name and a wrong password.
    throw new ZkError('UNAUTHENTICATED', 'Wrong user name or password');
  }
  clearFailures(username);
  const { token, session } = createSession(user.name, 'user');
  recordAs({ operator: user.name }, { operation: 'sign_in', detail: { role: user.role } });
  return { token, session, role: user.role };
}

export function signOut(token: string | null): void {
  const session = endSession(token);
  if (session?.kind === 'user') recordAs({ operator: session.user }, { operation: 'sign_out' });
}
