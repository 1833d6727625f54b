/**
 * Local mode (no users file) is safe only on loopback. `scripts/start.ts` calls
 * `assertSafeToListen` before starting the server; requests check `isLoopbackHost` on the Host
 * (so a DNS rebinding page cannot reach a local-mode dashboard through its own host name) and on
 * the socket's local address (socket-stamp.ts), whatever address the server listens on.
 */
import 'server-only';
import { readUsersFile, usersFilePath } from './users';
import type { AuthMode } from '@/lib/shared/roles';


export function authMode(): AuthMode {
  return usersFilePath() ? 'users' : 'local';
}

/** True for loopback addresses and names, with or without a port or IPv6 brackets. */
export function isLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  else if (/^[^:]+:\d+$/.test(h)) h = h.slice(0, h.lastIndexOf(':'));
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Refuses to serve in local mode on a non-loopback address, and refuses a users file that cannot
 * be read or has no users. Throws an Error whose message tells the operator what to do.
 */
export function assertSafeToListen(hostname: string): { mode: AuthMode; users: number } {
  const file = usersFilePath();
  if (!file) {
    if (!isLoopbackHost(hostname)) {
      throw new Error(
        `Refusing to listen on ${hostname} without sign-in: set ZOOSCOPE_USERS_FILE (create users with ` +
          '`npm run user -- add NAME --role admin --password-stdin`) or listen on 127.0.0.1.',
      );
    }
    return { mode: 'local', users: 0 };
  }
  const users = readUsersFile(file);
  if (users.length === 0) throw new Error(`The users file ${file} has no users; nobody could sign in.`);
  return { mode: 'users', users: users.length };
}
