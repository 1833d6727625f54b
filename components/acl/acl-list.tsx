import { PERMISSIONS } from '@/lib/shared/acl-rules';
import type { AclEntry } from '@/lib/shared/types';
import { cn } from '@/components/ui/cn';
import { describePerms } from './perms';

/** ACL entries, read-only: who, and which of c/d/r/w/a they have. */
export function AclList({ acl, label, className }: { acl: readonly AclEntry[]; label: string; className?: string }) {
  return (
    <ul aria-label={label} className={cn('divide-y divide-border text-sm', className)}>
      {acl.map((e) => (
        <li key={`${e.scheme}:${e.id}`} className="flex items-center gap-2 px-3 py-1.5" aria-label={`${e.scheme}:${e.id}: ${describePerms(e.perms)}`}>
          <span className="min-w-0 flex-1 truncate font-mono text-xs" title={`${e.scheme}:${e.id}`}>
            <span className="text-muted">{e.scheme}:</span>
            {e.id}
          </span>
          <span aria-hidden className="flex gap-0.5 font-mono text-xs">
            {PERMISSIONS.map((p) => (
              <span key={p.letter} title={p.description} className={cn('w-3 text-center', e.perms.includes(p.letter) ? 'font-semibold text-fg' : 'text-border')}>
                {p.letter}
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
