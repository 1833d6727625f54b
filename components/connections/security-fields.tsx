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

const KINDS = [
  { value: 'none', label: 'None' },
  { value: 'tls', label: 'TLS' },
  { value: 'sasl', label: 'SASL (DIGEST-MD5)' },
] as const;

function PathField({ label, hint, value, onChange }: { label: string; hint?: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label} hint={hint}>
      {(ids) => <Input id={ids.input} aria-describedby={ids.hint} value={value} onChange={(e) => onChange(e.target.value)} required className="w-full font-mono" placeholder="/etc/zooscope/…" />}
    </Field>
  );
}

export function SecurityFields({ draft, onChange }: { draft: SecurityDraft; onChange: (d: SecurityDraft) => void }) {
  const set = <K extends keyof SecurityDraft>(key: K) => (value: SecurityDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset className="space-y-3 rounded border border-border p-3">
      <legend className="px-1 text-sm font-medium">Security</legend>
      <div role="radiogroup" aria-label="Security" className="flex gap-4 text-sm">
        {KINDS.map((k) => (
          <label key={k.value} className="flex items-center gap-1">
            <input type="radio" name="security" value={k.value} checked={draft.kind === k.value} onChange={() => set('kind')(k.value)} /> {k.label}
          </label>
        ))}
      </div>
      {draft.kind === 'tls' && (
        <>
          <p className="text-xs text-muted">PEM files on the dashboard&apos;s server. The ZooKeeper C client always presents a client certificate.</p>
          <PathField label="CA certificate file" hint="The CA that signed the servers' certificates." value={draft.ca} onChange={set('ca')} />
          <PathField label="Client certificate file" value={draft.cert} onChange={set('cert')} />
          <PathField label="Client key file" value={draft.key} onChange={set('key')} />
          <Field label="Key password" hint={draft.hasKeyPassword ? 'A password is stored: leave empty to keep it.' : 'Only for an encrypted key.'}>
            {(ids) => <Input id={ids.input} aria-describedby={ids.hint} type="password" autoComplete="off" value={draft.keyPassword} onChange={(e) => set('keyPassword')(e.target.value)} className="w-full" />}
          </Field>
        </>
      )}
      {draft.kind === 'sasl' && (
        <>
          <Field label="SASL user">
            {(ids) => <Input id={ids.input} value={draft.username} onChange={(e) => set('username')(e.target.value)} required className="w-full font-mono" />}
          </Field>
          <PathField label="Password file" hint="A file on the dashboard's server whose first line is the password." value={draft.passwordFile} onChange={set('passwordFile')} />
        </>
      )}
    </fieldset>
  );
}
