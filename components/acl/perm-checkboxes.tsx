'use client';

import { useTranslations } from 'next-intl';
import { PERMISSIONS } from '@/lib/shared/acl-rules';
import { togglePerm } from './perms';

/** The five permissions of one entry as checkboxes; `subject` names the entry for screen readers. */
export function PermCheckboxes({ perms, subject, onChange, disabled }: { perms: string; subject: string; onChange(perms: string): void; disabled?: boolean }) {
  const t = useTranslations('acl');
  return (
    <>
      {PERMISSIONS.map((p) => (
        <td key={p.letter} className="px-1 text-center">
          <input
            type="checkbox"
            className="size-4 accent-[var(--accent)]"
            aria-label={t('checkbox.label', { name: t(`perms.${p.letter}.name`), subject })}
            title={t('checkbox.title', { letter: p.letter, description: t(`perms.${p.letter}.description`) })}
            checked={perms.includes(p.letter)}
            disabled={disabled}
            onChange={(e) => onChange(togglePerm(perms, p.letter, e.target.checked))}
          />
        </td>
      ))}
    </>
  );
}
