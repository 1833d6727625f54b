import 'server-only';
import { DEFAULT_ADMIN_URL, adminBaseUrl, readAdminServer, type AdminReading } from '@/lib/zk/admin-server';
import { processSingleton } from '@/lib/zk/singleton';

/**
 * Which servers have an AdminServer. A connection with an `adminUrl` is always asked; without one,
 * each host is tried once on port 8080 with a short timeout, and a failure is remembered for a
 * while so a server without one does not cost a timeout on every refresh.
 */

const GUESS_TIMEOUT_MS = 800;
const FORGET_FAILURE_MS = 10 * 60_000;

const failures = processSingleton('admin-reach', () => new Map<string, number>());

export interface AdminAttempt {
  base: string;
  /** True when the URL came from the connection's settings rather than the default guess. */
  configured: boolean;
}

/** The AdminServer to ask for this host, or null while a failed guess is remembered. */
export function adminFor(template: string | null | undefined, host: string): AdminAttempt | null {
  if (template) return { base: adminBaseUrl(template, host), configured: true };
  const base = adminBaseUrl(DEFAULT_ADMIN_URL, host);
  const failedAt = failures.get(base);
  if (failedAt !== undefined && Date.now() - failedAt < FORGET_FAILURE_MS) return null;
  return { base, configured: false };
}

/** Reads the AdminServer; an unconfigured guess that fails is remembered, a configured one reported. */
export async function tryAdmin(attempt: AdminAttempt, timeoutMs?: number): Promise<{ reading: AdminReading } | { error: string }> {
  try {
    const reading = await readAdminServer(attempt.base, { timeoutMs: attempt.configured ? timeoutMs : Math.min(timeoutMs ?? GUESS_TIMEOUT_MS, GUESS_TIMEOUT_MS) });
    failures.delete(attempt.base);
    return { reading };
  } catch (e) {
    if (!attempt.configured) failures.set(attempt.base, Date.now());
    return { error: `AdminServer ${attempt.base}: ${(e as Error).message}` };
  }
}
