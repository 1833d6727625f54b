'use client';

import { Plus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { ACL_SCHEMES, aclEntryProblem, PERMISSIONS, SCHEME_HELP, type AclScheme } from '@/lib/shared/acl-rules';
import type { AclEntry } from '@/lib/shared/types';
import { DigestHelper, digestFromFields } from './digest-helper';
import { togglePerm } from './perms';
import { useProblemText } from './use-problem-text';

/** A new ACL entry: scheme, id (checked as typed: CIDR ranges, digest form) and permissions. */
export function AddEntryForm({ existing, onAdd }: { existing: readonly AclEntry[]; onAdd(entry: AclEntry): void }) {
  const t = useTranslations('acl');
  const problemText = useProblemText();
  const [scheme, setScheme] = useState<AclScheme>('digest');
  const [id, setId] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [digestByPassword, setDigestByPassword] = useState(true);
  const [perms, setPerms] = useState('r');

  const help = SCHEME_HELP[scheme];
  const entryId = help.fixedId ?? (scheme === 'digest' && digestByPassword ? digestFromFields(user, password) : id.trim());
  const entry: AclEntry = { scheme, id: entryId, perms };
  const touched = help.fixedId !== undefined || entryId !== '' || id !== '';
  const duplicate = existing.some((e) => e.scheme === scheme && e.id === entryId);
  const entryProblem = aclEntryProblem(entry);
  const problem = duplicate ? t('problems.duplicate', { subject: `${scheme}:${entryId}` }) : entryProblem && problemText(entryProblem);
  const idLabel = t(`schemes.${scheme}`);

  const add = () => {
    onAdd(entry);
    setId('');
    setUser('');
    setPassword('');
  };
  return (
    <fieldset className="flex min-w-0 flex-col gap-2 rounded-md border border-border p-3">
      <legend className="px-1 text-xs font-semibold tracking-wide text-muted uppercase">{t('add.legend')}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium whitespace-nowrap [word-break:keep-all]">
          {t('add.scheme')}
          <Select value={scheme} onChange={(e) => setScheme(e.target.value as AclScheme)}>
            {ACL_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </label>
        {help.fixedId === undefined && !(scheme === 'digest' && digestByPassword) && (
          <label className="flex min-w-40 flex-1 flex-col gap-1 text-xs font-medium [word-break:keep-all]">
            {t('add.id', { idLabel })}
            <Input value={id} placeholder={help.placeholder} onChange={(e) => setId(e.target.value)} spellCheck={false} aria-invalid={touched && problem !== null} className="font-mono" />
          </label>
        )}
        {help.fixedId !== undefined && <p className="min-w-40 flex-1 pb-1.5 text-xs [word-break:keep-all] text-muted">{t('add.fixedId', { idLabel })}</p>}
        {scheme === 'digest' && (
          <label className="flex items-center gap-1 pb-1.5 text-xs [word-break:keep-all]">
            <input type="checkbox" checked={digestByPassword} onChange={(e) => setDigestByPassword(e.target.checked)} />
            {t('add.fromPassword')}
          </label>
        )}
      </div>
      {scheme === 'digest' && digestByPassword && <DigestHelper user={user} password={password} onUser={setUser} onPassword={setPassword} />}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-xs">
        <span className="font-medium whitespace-nowrap">{t('add.permissions')}</span>
        {PERMISSIONS.map((p) => (
          <label key={p.letter} className="flex items-center gap-1 whitespace-nowrap" title={t(`perms.${p.letter}.description`)}>
            <input type="checkbox" checked={perms.includes(p.letter)} onChange={(e) => setPerms(togglePerm(perms, p.letter, e.target.checked))} />
            {t(`perms.${p.letter}.name`)}
          </label>
        ))}
        <Button size="sm" className="ml-auto whitespace-nowrap" onClick={add} disabled={problem !== null}>
          <Plus aria-hidden />
          {t('add.button')}
        </Button>
      </div>
      {touched && problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
