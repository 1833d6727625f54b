'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { aclQuery } from '@/lib/client/acl';
import { identitiesQuery } from '@/lib/client/identities';
import { useSavedAcls, type SavedAcl } from '@/lib/client/saved-acls';
import type { AclEntry } from '@/lib/shared/types';

/** One of the fixed choices, or an ACL the operator saved (by its name). */
export type AclChoice = 'open' | 'creator' | 'read-only' | 'parent' | `saved:${string}`;

const describe = (acl: AclEntry[]) => acl.map((e) => `${e.scheme}:${e.id}:${e.perms}`).join(', ');

interface Option {
  value: AclChoice;
  label: string;
  help: string;
  /** Why it cannot be picked now. */
  unavailable?: string;
}

/** The ACL a choice stands for; undefined while the parent's ACL (for "parent") is unknown. */
export function aclFor(choice: AclChoice, parentAcl: AclEntry[] | undefined, saved: readonly SavedAcl[] = []): AclEntry[] | undefined {
  if (choice.startsWith('saved:')) return saved.find((s) => `saved:${s.name}` === choice)?.acl;
  if (choice === 'creator') return [{ scheme: 'auth', id: '', perms: 'cdrwa' }];
  if (choice === 'read-only') return [{ scheme: 'world', id: 'anyone', perms: 'r' }];
  if (choice === 'parent') return parentAcl;
  return undefined;
}

/** Who may use the new node: open, only the identities this session holds, read-only, or as its parent. */
export function CreateAclChoice({ connection, parent, choice, onChange }: { connection: string; parent: string; choice: AclChoice; onChange(choice: AclChoice): void }) {
  const t = useTranslations('node.create');
  const ids = useId();
  const held = useQuery(identitiesQuery(connection)).data ?? [];
  const parentAcl = useQuery(aclQuery(connection, parent));
  const saved = useSavedAcls(connection);
  const options: Option[] = [
    { value: 'open', label: t('acls.open'), help: t('acls.openHelp') },
    {
      value: 'creator',
      label: t('acls.creator'),
      help: held.length ? t('acls.creatorHelpHeld', { held: held.map((i) => `${i.scheme}:${i.id}`).join(', ') }) : t('acls.creatorHelp'),
      unavailable: held.length === 0 ? t('acls.creatorUnavailable') : undefined,
    },
    { value: 'read-only', label: t('acls.readOnly'), help: t('acls.readOnlyHelp') },
    {
      value: 'parent',
      label: t('acls.parent', { parent }),
      help: parentAcl.data ? describe(parentAcl.data.acl) : t('acls.parentHelp'),
      unavailable: parentAcl.isError ? t('acls.parentUnavailable') : undefined,
    },
    // Saved from a node's ACL panel ("Save ACL as…").
    ...saved.map((s): Option => ({ value: `saved:${s.name}`, label: t('acls.saved', { name: s.name }), help: describe(s.acl) })),
  ];
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">{t('acl')}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex cursor-pointer gap-2 rounded-md border border-border p-2 text-sm has-checked:border-accent has-checked:bg-accent-soft has-disabled:cursor-not-allowed has-disabled:opacity-60">
            <input type="radio" name="acl" value={o.value} checked={choice === o.value} disabled={o.unavailable !== undefined} onChange={() => onChange(o.value)} aria-label={o.label} aria-describedby={`${ids}-${i}`} className="mt-0.5" />
            <span className="min-w-0">
              <span aria-hidden className="block font-medium">
                {o.label}
              </span>
              <span id={`${ids}-${i}`} className="block text-xs break-words text-muted">
                {o.unavailable ? t('unavailable', { reason: o.unavailable }) : o.help}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
