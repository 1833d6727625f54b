import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/input';
import type { ConnectionInput, ConnectionSummary } from '@/lib/shared/wire';
import { Field } from './form-field';

/** TLS and/or SASL of a connection in the form (both: a SASL login over TLS): file paths on the dashboard's server. */
export interface SecurityDraft {
  tls: boolean;
  sasl: boolean;
  ca: string;
  cert: string;
  key: string;
  keyPassword: string;
  hasKeyPassword: boolean;
  username: string;
  passwordFile: string;
}

export const securityDraftOf = (c?: ConnectionSummary): SecurityDraft => ({
  tls: Boolean(c?.tls),
  sasl: Boolean(c?.sasl),
  ca: c?.tls?.ca ?? '',
  cert: c?.tls?.cert ?? '',
  key: c?.tls?.key ?? '',
  keyPassword: '',
  hasKeyPassword: c?.tls?.hasKeyPassword ?? false,
  username: c?.sasl?.username ?? '',
  passwordFile: c?.sasl?.passwordFile ?? '',
});

/** An empty key password sends none: on an edit the server then keeps the stored one. Empty cert and key: no client certificate. */
export function securityInputOf(d: SecurityDraft): Pick<ConnectionInput, 'tls' | 'sasl'> {
  const [cert, key] = [d.cert.trim(), d.key.trim()];
  return {
    tls: d.tls ? { ca: d.ca.trim(), ...(cert ? { cert } : {}), ...(key ? { key } : {}), ...(d.keyPassword ? { keyPassword: d.keyPassword } : {}) } : null,
    sasl: d.sasl ? { mechanism: 'DIGEST-MD5', username: d.username.trim(), passwordFile: d.passwordFile.trim() } : null,
  };
}

/** A protocol's name: the same in every language. */
const SASL_NAME = 'SASL (DIGEST-MD5)';

function PathField({ label, hint, value, onChange, required = true }: { label: string; hint?: string; value: string; onChange: (v: string) => void; required?: boolean }) {
  return (
    <Field label={label} hint={hint}>
      {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={value} onChange={(e) => onChange(e.target.value)} required={required} className="w-full font-mono" placeholder="/etc/zooscope/…" />}
    </Field>
  );
}

export function SecurityFields({ draft, onChange }: { draft: SecurityDraft; onChange: (d: SecurityDraft) => void }) {
  const t = useTranslations('connections.security');
  const set = <K extends keyof SecurityDraft>(key: K) => (value: SecurityDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="space-y-3 rounded border border-border p-3">
      <legend className="px-1 text-sm font-medium">{t('legend')}</legend>
      <div role="group" aria-label={t('legend')} className="flex gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={draft.tls} onChange={(e) => set('tls')(e.target.checked)} /> TLS
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={draft.sasl} onChange={(e) => set('sasl')(e.target.checked)} /> {SASL_NAME}
        </label>
      </div>
      {draft.tls && (
        <>
          <p className="text-xs text-muted">{t('tlsIntro')}</p>
          <PathField label={t('ca')} hint={t('caHint')} value={draft.ca} onChange={set('ca')} />
          <PathField label={t('cert')} value={draft.cert} onChange={set('cert')} required={false} />
          <PathField label={t('key')} value={draft.key} onChange={set('key')} required={false} />
          <Field label={t('keyPassword')} hint={draft.hasKeyPassword ? t('keyPasswordStored') : t('keyPasswordHint')}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} type="password" autoComplete="off" value={draft.keyPassword} onChange={(e) => set('keyPassword')(e.target.value)} className="w-full" />}
          </Field>
        </>
      )}
      {draft.sasl && (
        <>
          <Field label={t('saslUser')}>
            {(ids) => <Input id={ids.input} value={draft.username} onChange={(e) => set('username')(e.target.value)} required className="w-full font-mono" />}
          </Field>
          <PathField label={t('passwordFile')} hint={t('passwordFileHint')} value={draft.passwordFile} onChange={set('passwordFile')} />
        </>
      )}
    </fieldset>
  );
}
