'use client';

import { useQuery } from '@tanstack/react-query';
import { Save, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { Button } from '@/components/ui/button';
import { DialogClose } from '@/components/ui/dialog';
import { Alert, ErrorAlert } from '@/components/ui/error-alert';
import { aclProblems, keepsAdmin, PERMISSIONS } from '@/lib/shared/acl-rules';
import { confirmationFrom, currentAclFromConflict, useSaveAcl } from '@/lib/client/acl';
import type { AclResponse } from '@/lib/shared/wire';
import { isApiError } from '@/lib/client/api-client';
import { identitiesQuery } from '@/lib/client/identities';
import type { AclEntry } from '@/lib/shared/types';
import { AclConfirmation } from './acl-confirmation';
import { AclConflict } from './acl-conflict';
import { AddEntryForm } from './add-entry-form';
import { PermCheckboxes } from './perm-checkboxes';
import { SubtreeOption } from './subtree-option';
import { useProblemText } from './use-problem-text';

/** Why saving this ACL may lock the operator out of changing it again (a key of `acl.editor`), if it may. */
function lockoutWarning(acl: readonly AclEntry[], heldDigestUsers: readonly string[]): 'noAdmin' | 'unreachable' | null {
  if (!acl.some((e) => e.perms.includes('a'))) return 'noAdmin';
  // The browser knows the user names it added, not their passwords: the server checks the digests.
  const reachable = keepsAdmin(acl, (id) => heldDigestUsers.includes(id.slice(0, id.indexOf(':'))));
  return reachable ? null : 'unreachable';
}

/** Edits a node's ACL; saves against the ACL version it was loaded at, and calls `onSaved` once saved. */
export function AclEditor({ connection, path, loaded, onSaved }: { connection: string; path: string; loaded: AclResponse; onSaved(): void }) {
  const t = useTranslations('acl');
  const tc = useTranslations('common');
  const problemText = useProblemText();
  const [entries, setEntries] = useState<AclEntry[]>(loaded.acl);
  const [baseVersion, setBaseVersion] = useState(loaded.stat.aversion);
  const [recursive, setRecursive] = useState(false);
  const [progress, setProgress] = useState<{ applied: number; total: number } | null>(null);
  const save = useSaveAcl(connection);
  const held = useQuery(identitiesQuery(connection)).data ?? [];
  const problems = aclProblems(entries).map(problemText);
  const warning = problems.length === 0 ? lockoutWarning(entries, held.filter((i) => i.scheme === 'digest').map((i) => i.id)) : null;
  const conflict = isApiError(save.error, 'BAD_VERSION') ? save.error : undefined;
  const current = conflict && currentAclFromConflict(conflict);
  const confirmation = isApiError(save.error, 'CONFIRMATION_REQUIRED') ? confirmationFrom(save.error) : undefined;

  const submit = (version: number, confirm?: string) => {
    setProgress(null);
    save.mutate(
      { path, acl: entries, version, recursive, confirm, onProgress: (applied, total) => setProgress({ applied, total }) },
      {
        onSuccess: (result) => {
          const description = 'stat' in result ? t('editor.savedVersion', { version: result.stat.aversion }) : t('editor.savedSubtree', { count: result.subtree });
          toast.success(t('editor.saved', { path }), { description });
          onSaved();
        },
      },
    );
  };
  const update = (i: number, perms: string) => setEntries(entries.map((e, j) => (j === i ? { ...e, perms } : e)));
  const failed = (save.error && isApiError(save.error) && (save.error.details.failed as Array<{ path: string; message: string }> | undefined)) || [];

  return (
    <div className="flex flex-col gap-3">
      {confirmation ? (
        <AclConfirmation {...confirmation} busy={save.isPending} onConfirm={(typed) => submit(baseVersion, typed)} onCancel={() => save.reset()} />
      ) : conflict ? (
        <AclConflict
          baseVersion={baseVersion}
          current={current}
          mine={entries}
          busy={save.isPending}
          onReload={() => {
            if (current) {
              setEntries(current.acl);
              setBaseVersion(current.stat.aversion);
            }
            save.reset();
          }}
          onOverwrite={(c) => {
            setBaseVersion(c.stat.aversion);
            submit(c.stat.aversion);
          }}
        />
      ) : (
        save.error && (
          <ErrorAlert error={save.error}>
            {failed.length > 0 && (
              <ul className="mt-1 list-disc pl-4 font-mono text-xs">
                {failed.map((f) => (
                  <li key={f.path}>{f.path}</li>
                ))}
              </ul>
            )}
          </ErrorAlert>
        )
      )}
      <table className="w-full text-sm">
        <caption className="sr-only">{t('entriesOf', { path })}</caption>
        <thead>
          <tr className="text-xs text-muted">
            <th scope="col" className="text-left font-medium">
              {t('editor.entryColumn')}
            </th>
            {PERMISSIONS.map((p) => (
              <th key={p.letter} scope="col" className="w-10 font-mono font-medium" title={t('editor.permColumn', { name: t(`perms.${p.letter}.name`), description: t(`perms.${p.letter}.description`) })}>
                {p.letter}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{tc('remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map((e, i) => {
            const subject = `${e.scheme}:${e.id}`;
            return (
              <tr key={subject}>
                <th scope="row" className="max-w-0 truncate py-1 text-left font-mono text-xs font-normal" title={subject}>
                  <span className="text-muted">{e.scheme}:</span>
                  {e.id}
                </th>
                <PermCheckboxes perms={e.perms} subject={subject} onChange={(perms) => update(i, perms)} />
                <td className="w-8 text-right">
                  <Button size="icon" variant="ghost" aria-label={t('editor.remove', { subject })} onClick={() => setEntries(entries.filter((_, j) => j !== i))}>
                    <Trash2 aria-hidden />
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddEntryForm existing={entries} onAdd={(entry) => setEntries([...entries, entry])} />
      {problems.length > 0 && (
        <Alert title={t('editor.invalid')}>
          <ul className="list-disc pl-4">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      {warning && (
        <Alert title={t('editor.lockout')} tone="warn">
          {t(`editor.${warning}`)}
        </Alert>
      )}
      <SubtreeOption connection={connection} path={path} checked={recursive} onChange={setRecursive} progress={save.isPending || recursive ? progress : null} />
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto text-xs text-muted">{t('editor.editing', { version: baseVersion })}</span>
        <DialogClose asChild>
          <Button>{tc('close')}</Button>
        </DialogClose>
        <Button variant="primary" disabled={problems.length > 0 || save.isPending || conflict !== undefined || confirmation !== undefined} onClick={() => submit(baseVersion)}>
          <Save aria-hidden />
          {save.isPending ? t('editor.saving') : recursive ? t('editor.saveSubtree') : t('editor.save')}
        </Button>
      </div>
    </div>
  );
}
