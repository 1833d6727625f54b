'use client';

import { useState } from 'react';
import { timeOfDay } from '@/lib/shared/units';

interface Change {
  at: number;
  name: string;
  joined: boolean;
}

const KEPT = 6;

/** Joins and leaves seen while the lens is open (newest first), from one member list to the next. */
/** `now` (the lens's clock) dates the changes, to the second. */
export function MembershipLog({ names, total, now }: { names: readonly string[]; total: number; now: number }) {
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
    <ul aria-label="Joins and leaves" className="mt-2 flex flex-col text-xs text-muted">
      {seen.changes.map((c) => (
        <li key={`${c.at}\u0000${c.name}\u0000${c.joined}`}>
          {timeOfDay(c.at)} {c.joined ? 'joined' : 'left'}: <span className="font-mono">{c.name}</span>
        </li>
      ))}
      {total > names.length && <li>Only the first {names.length} members are followed here.</li>}
    </ul>
  );
}
