'use client';

import { ChevronDown, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/lib/client/format';
import type { AuditEntry } from '@/lib/shared/audit';
import { ValueChange } from './value-change';

const TONES: Partial<Record<AuditEntry['operation'], 'accent' | 'warn' | 'danger'>> = {
  create: 'accent',
  delete: 'danger',
  acl: 'warn',
  sign_in_failed: 'danger',
};

function versions(e: AuditEntry): string {
  if (e.versionBefore === null && e.versionAfter === null) return '';
  return `${e.versionBefore ?? '–'} → ${e.versionAfter ?? '–'}`;
}

function details(e: AuditEntry): string {
  return Object.entries(e.detail ?? {})
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
}

/** One audit entry; changes with values expand to their before → after diff. */
export function AuditRow({ entry, connectionName }: { entry: AuditEntry; connectionName?: string }) {
  const t = useTranslations('audit');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const hasValues = entry.before !== null || entry.after !== null;
  const operation = t(`operations.${entry.operation}`);
  const { path, operator } = entry;
  const time = <time dateTime={new Date(entry.time).toISOString()}>{format.dateTime(entry.time)}</time>;
  const label = path ? t('row.label', { operation, path, operator }) : t('row.labelNoPath', { operation, operator });
  return (
    <>
      <tr className="align-top">
        {/* A phone shows the time under the path (this column hidden), so operation, path and time are in view. */}
        <td className="hidden py-1.5 pr-2 whitespace-nowrap tabular-nums sm:table-cell">{time}</td>
        <td className="py-1.5 pr-2">
          <Badge tone={TONES[entry.operation] ?? 'neutral'}>{operation}</Badge>
        </td>
        <td className="max-w-0 truncate py-1.5 pr-2 font-mono" title={entry.path ?? undefined}>
          {entry.path ?? ''}
          {details(entry) && <span className="block truncate font-sans text-muted">{details(entry)}</span>}
          <span className="block font-sans text-muted tabular-nums sm:hidden">{time}</span>
        </td>
        <td className="py-1.5 pr-2 [overflow-wrap:anywhere]">{entry.operator}</td>
        <td className="truncate py-1.5 pr-2 text-muted" title={entry.connection ?? undefined}>
          {connectionName ?? entry.connection ?? '—'}
        </td>
        <td className="py-1.5 pr-2 whitespace-nowrap tabular-nums">{versions(entry)}</td>
        <td className="py-0.5 text-right">
          {hasValues && (
            <Button size="sm" variant="ghost" aria-expanded={open} aria-label={open ? t('row.hide', { label }) : t('row.show', { label })} onClick={() => setOpen(!open)}>
              {open ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
              {t('row.diff')}
            </Button>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td colSpan={7} className="pb-3">
            <ValueChange before={entry.before} after={entry.after} />
          </td>
        </tr>
      )}
    </>
  );
}
