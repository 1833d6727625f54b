'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '@/lib/client/format';

interface Change {
  at: number;
  name: string;
  joined: boolean;
}

const KEPT = 6;

/** Joins and leaves seen while the lens is open (newest first), from one member list to the next. */
/** `now` (the lens's clock) dates the changes, to the second. */
export function MembershipLog({ names, total, now }: { names: readonly string[]; total: number; now: number }) {
  const t = useTranslations('recipes.log');
  const format = useFormat();
  const key = names.join('\u0000');
  const [seen, setSeen] = useState({ key, changes: [] as Change[] });
  if (seen.key !== key) {
    const before = new Set(seen.key ? seen.key.split('\u0000') : []);
    const after = new Set(names);
    const at = now;
    const changes = [...names.filter((n) => !before.has(n)).map((name) => ({ at, name, joined: true })), ...[...before].filter((n) => !after.has(n)).map((name) => ({ at, name, joined: false }))];
    setSeen({ key, changes: [...changes, ...seen.changes].slice(0, KEPT) });
  }
  if (seen.changes.length === 0) return null;
  return (
    <ul aria-label={t('label')} className="mt-2 flex flex-col text-xs text-muted">
      {seen.changes.map((c) => (
        <li key={`${c.at}\u0000${c.name}\u0000${c.joined}`}>
          {t.rich('change', { time: format.timeOfDay(c.at), joined: c.joined ? 'yes' : 'no', name: c.name, mono: (n) => <span className="font-mono">{n}</span> })}
        </li>
      ))}
      {total > names.length && <li>{t('followed', { count: names.length })}</li>}
    </ul>
  );
}
