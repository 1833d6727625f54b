import { Badge } from '@/components/ui/badge';
import type { ConnectionTestResult, SecurityCheck } from '@/lib/shared/wire';

function SecurityLine({ label, check }: { label: string; check: SecurityCheck | null }) {
  if (!check) return null;
  return (
    <p>
      <Badge tone={check.ok ? 'accent' : 'danger'}>{check.ok ? `${label} ok` : `${label} failed`}</Badge> {check.error}
    </p>
  );
}

/** What "Test connection" reached: the session, the TLS handshake and SASL login, the release, and each member. */
export function TestResult({ id, result }: { id: string; result: ConnectionTestResult }) {
  const { session } = result;
  return (
    <section aria-label={`Test of ${id}`} className="space-y-1 text-xs">
      <p>
        <Badge tone={result.ok ? 'accent' : 'danger'}>{result.ok ? 'reached' : 'failed'}</Badge>{' '}
        {session.connected ? `Session 0x${session.sessionId} (timeout ${session.timeoutMs} ms)` : `No session: ${session.error}`}
        {result.version && ` · ZooKeeper ${result.version}`} · {result.durationMs} ms
      </p>
      <SecurityLine label="TLS" check={result.security.tls} />
      <SecurityLine label="SASL" check={result.security.sasl} />
      <ul className="space-y-0.5">
        {result.members.map((m) => (
          <li key={m.address} className="font-mono">
            {m.address}
            {m.id !== null && ` server.${m.id}`}: {m.reachable ? `${m.mode}${m.metricsSource ? ` via ${m.metricsSource}` : ''}` : 'unreachable'}
            {m.error && <span className="text-muted"> — {m.error}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
