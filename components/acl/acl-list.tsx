import { useTranslations } from 'next-intl';
import { PERMISSIONS } from '@/lib/shared/acl-rules';
import type { AclEntry } from '@/lib/shared/types';
import { cn } from '@/components/ui/cn';

/** ACL entries, read-only: who, and which of c/d/r/w/a they have. */
export function AclList({ acl, label, className }: { acl: readonly AclEntry[]; label: string; className?: string }) {
  const t = useTranslations('acl');
  const describePerms = (perms: string) => {
    const names = PERMISSIONS.filter((p) => perms.includes(p.letter)).map((p) => t(`perms.${p.letter}.name`));
    return names.length > 0 ? names.join(', ') : t('noPerms');
  };
  return (
    <ul aria-label={label} className={cn('divide-y divide-border text-sm', className)}>
      {acl.map((e) => (
        <li key={`${e.scheme}:${e.id}`} className="flex items-center gap-2 px-3 py-1.5" aria-label={t('entry', { subject: `${e.scheme}:${e.id}`, perms: describePerms(e.perms) })}>
          <span className="min-w-0 flex-1 truncate font-mono text-xs" title={`${e.scheme}:${e.id}`}>
            <span className="text-muted">{e.scheme}:</span>
            {e.id}
          </span>
          <span aria-hidden className="flex gap-0.5 font-mono text-xs">
            {PERMISSIONS.map((p) => (
              <span key={p.letter} title={t(`perms.${p.letter}.description`)} className={cn('w-3 text-center', e.perms.includes(p.letter) ? 'font-semibold text-fg' : 'text-border')}>
                {p.letter}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
