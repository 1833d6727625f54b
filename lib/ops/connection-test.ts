import 'server-only';
import { isZkError } from '@/lib/zk/errors';
import { connectWaitMs, ZkSession } from '@/lib/zk/session';
import { getEnsembleStatus } from './ensemble';
import type { ConnectionConfig } from '@/lib/shared/types';
import type { ConnectionTestResult, SecurityCheck } from '@/lib/shared/wire';

/** A configured TLS handshake or SASL login: done when the session is, else what failed (`code` names which). */
function securityCheck(configured: boolean, connected: boolean, failure: unknown, code: string): SecurityCheck | null {
  if (!configured) return null;
  if (connected) return { ok: true, code: null, error: null };
  const failed = isZkError(failure) && failure.code === code;
  return { ok: false, code: failed ? code : null, error: failed ? failure.message : 'Not reached: no session was established' };
}

/**
 * "Test connection": opens a session of its own (never the shared one, whose state it would
 * disturb), reads the membership through it, asks every member, and closes the session.
 */
export async function testReach(config: ConnectionConfig): Promise<ConnectionTestResult> {
  const started = performance.now();
  const session = new ZkSession({ ...config, id: `${config.id}#test` });
  // As patient as the dashboard's own sessions: a test must not fail where the connection would work.
  const waitMs = connectWaitMs();
  try {
    let error: string | null = null;
    let failure: unknown;
    let timer: NodeJS.Timeout | undefined;
    const connected = await Promise.race([
      session.ready().then(() => true, (e: Error) => ((failure = e), (error = e.message), false)),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(timer);
    if (!connected) error ??= `No session within ${waitMs / 1000} s`;
    const dynamicConfig = connected ? await session.run((h) => h.getConfig()).catch(() => undefined) : undefined;
    const status = await getEnsembleStatus(config.connectString, { dynamicConfig, adminUrl: config.adminUrl, timeoutMs: 2000, tls: Boolean(config.tls) });
    const info = session.info();
    const members = status.servers.map(({ address, id, role, reachable, serving, mode, version, metricsSource, error: e }) => ({
      address, id, role, reachable, serving, mode, version, metricsSource, ...(e ? { error: e } : {}),
    }));
    return {
      ok: connected && status.servers.some((s) => s.serving),
      durationMs: Math.round(performance.now() - started),
      session: { connected, sessionId: connected ? info.sessionId : null, timeoutMs: connected ? info.timeoutMs : null, error },
      version: status.servers.find((s) => s.version)?.version ?? null,
      members,
      health: status.health.status,
      security: {
        tls: securityCheck(Boolean(config.tls), connected, failure, 'TLS_HANDSHAKE'),
        sasl: securityCheck(Boolean(config.sasl), connected, failure, 'AUTH_FAILED'),
      },
    };
  } finally {
    session.close();
  }
}
