'use client';

import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useGuardedPush } from '@/lib/client/guarded-router';
import { Select } from '@/components/ui/input';

export interface ConnectionChoice {
  id: string;
  name: string;
}

/** Switches connection, staying in the same section (browse, ensemble, kafka). */
export function ConnectionSwitcher({ connection, connections }: { connection: string; connections: ConnectionChoice[] }) {
  const t = useTranslations('header');
  const push = useGuardedPush();
  const pathname = usePathname();
  const section = pathname.split('/')[3] || 'browse';
  return (
    <Select
      aria-label={t('connection')}
      value={connection}
      onChange={(e) => push(`/c/${encodeURIComponent(e.target.value)}/${section}`)}
      className="max-w-56 min-w-0 max-sm:max-w-28"
    >
      {connections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </Select>
  );
}
