import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/input';
import type { ConnectionInput, ConnectionSummary } from '@/lib/shared/wire';
import { Field } from './form-field';

/** TLS or SASL of a connection in the form: file paths on the dashboard's server. */
export interface SecurityDraft {
  kind: 'none' | 'tls' | 'sasl';
  ca: string;
  cert: string;
  key: string;
  keyPassword: string;
  hasKeyPassword: boolean;
  username: string;
  passwordFile: string;
}

export const securityDraftOf = (c?: ConnectionSummary): SecurityDraft => ({
  kind: c?.tls ? 'tls' : c?.sasl ? 'sasl' : 'none',
  ca: c?.tls?.ca ?? '',
  cert: c?.tls?.cert ?? '',
  key: c?.tls?.key ?? '',
  keyPassword: '',
  hasKeyPassword: c?.tls?.hasKeyPassword ?? false,
  username: c?.sasl?.username ?? '',
  passwordFile: c?.sasl?.passwordFile ?? '',
});

/** An empty key password sends none: on an edit the server then keeps the stored one. */
export function securityInputOf(d: SecurityDraft): Pick<ConnectionInput, 'tls' | 'sasl'> {
  if (d.kind === 'tls') return { tls: { ca: d.ca.trim(), cert: d.cert.trim(), key: d.key.trim(), ...(d.keyPassword ? { keyPassword: d.keyPassword } : {}) }, sasl: null };
  if (d.kind === 'sasl') return { tls: null, sasl: { mechanism: 'DIGEST-MD5', username: d.username.trim(), passwordFile: d.passwordFile.trim() } };
  return { tls: null, sasl: null };
}

const KINDS = ['none', 'tls', 'sasl'] as const;
/** Protocol names stay as they are in every language; "none" is translated. */
const KIND_NAMES = { tls: 'TLS', sasl: 'SASL (DIGEST-MD5)' } as const;

function PathField({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={value} onChange={(e) => onChange(e.target.value)} required className="w-full font-mono" placeholder="/etc/zooscope/…" />}
    </Field>
  );
}

export function SecurityFields({ draft, onChange }: { draft: SecurityDraft; onChange: (d: SecurityDraft) => void }) {
  const t = useTranslations('connections.security');
  const set = <K extends keyof SecurityDraft>(key: K) => (value: SecurityDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="space-y-3 rounded border border-border p-3">
      <legend className="px-1 text-sm font-medium">{t('legend')}</legend>
      <div role="radiogroup" aria-label={t('legend')} className="flex gap-4 text-sm">
        {KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="radio" name="security" value={k} checked={draft.kind === k} onChange={() => set('kind')(k)} /> {k === 'none' ? t('none') : KIND_NAMES[k]}
          </label>
        ))}
      </div>
      {draft.kind === 'tls' && (
        <>
          <p className="text-xs text-muted">{t('tlsIntro')}</p>
          <PathField label={t('ca')} hint={t('caHint')} value={draft.ca} onChange={set('ca')} />
          <PathField label={t('cert')} value={draft.cert} onChange={set('cert')} />
          <PathField label={t('key')} value={draft.key} onChange={set('key')} />
          <Field label={t('keyPassword')} hint={draft.hasKeyPassword ? t('keyPasswordStored') : t('keyPasswordHint')}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} type="password" autoComplete="off" value={draft.keyPassword} onChange={(e) => set('keyPassword')(e.target.value)} className="w-full" />}
          </Field>
        </>
      )}
      {draft.kind === 'sasl' && (
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
