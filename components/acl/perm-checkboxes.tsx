'use client';

import { PERMISSIONS } from '@/lib/shared/acl-rules';
import { togglePerm } from './perms';

/** The five permissions of one entry as checkboxes; `subject` names the entry for screen readers. */
export function PermCheckboxes({ perms, subject, onChange, disabled }: { perms: string; subject: string; onChange(perms: string): void; disabled?: boolean }) {
  return (
    <>
      {PERMISSIONS.map((p) => (
        <td key={p.letter} className="px-1 text-center">
          <input
            type="checkbox"
            className="size-4 accent-[var(--accent)]"
            aria-label={`${p.name} for ${subject}`}
            title={`${p.letter}: ${p.description}`}
            checked={perms.includes(p.letter)}
            disabled={disabled}
            onChange={(e) => onChange(togglePerm(perms, p.letter, e.target.checked))}
          />
        </td>
      ))}
    </>
  );
}
