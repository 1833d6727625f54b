import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ConnectionTestResult, SecurityCheck } from '@/lib/shared/wire';

function SecurityLine({ check, name }: { check: SecurityCheck | null; name: 'TLS' | 'SASL' }) {
  const t = useTranslations('connections.result');
  if (!check) return null;
  return (
    <p>
      <Badge tone={check.ok ? 'accent' : 'danger'}>{check.ok ? t('checkOk', { check: name }) : t('checkFailed', { check: name })}</Badge> {check.error}
    </p>
  );
}

/** What "Test connection" reached: the session, the TLS handshake and SASL login, the release, and each member. */
export function TestResult({ id, result }: { id: string; result: ConnectionTestResult }) {
  const t = useTranslations('connections.result');
  const tc = useTranslations('common');
  const { session } = result;
  const mode = (m: string) => (['leader', 'follower', 'observer', 'standalone'].includes(m) ? tc(`modes.${m as 'leader'}`) : tc('modes.unknown', { mode: m }));
  return (
    <section aria-label={t('label', { id })} className="space-y-1 text-xs">
      <p>
        <Badge tone={result.ok ? 'accent' : 'danger'}>{result.ok ? t('reached') : t('failed')}</Badge>{' '}
        {session.connected ? t('session', { id: session.sessionId ?? '', timeout: session.timeoutMs ?? 0 }) : t('noSession', { error: session.error ?? '' })}
        {result.version && ` · ${t('version', { version: result.version })}`} · {t('duration', { ms: result.durationMs })}
      </p>
      <SecurityLine name="TLS" check={result.security.tls} />
      <SecurityLine name="SASL" check={result.security.sasl} />
      <ul className="space-y-0.5">
        {result.members.map((m) => (
          <li key={m.address} className="font-mono">
            {m.address}
            {m.id !== null && ` ${t('server', { id: m.id })}`}: {m.reachable ? (m.metricsSource ? t('via', { mode: mode(m.mode), source: m.metricsSource }) : mode(m.mode)) : t('unreachable')}
            {m.error && <span className="text-muted"> — {m.error}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
