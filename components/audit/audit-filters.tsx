'use client';

import { useQuery } from '@tanstack/react-query';
import { Filter } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { AUDIT_OPERATIONS, type AuditFilter, type AuditOperation } from '@/lib/shared/audit';
import { connectionsQuery } from '@/lib/client/connections';

/** datetime-local value (local time, no zone) → ms since the epoch. */
const fromLocal = (v: string) => (v ? new Date(v).getTime() : undefined);

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 font-medium">
      {label}
      {children}
    </label>
  );
}

function Choice({ value, onChange, any, options }: { value: string; onChange(v: string): void; any: string; options: Array<[value: string, label: string]> }) {
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value)}>
      {[['', any] as const, ...options].map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </Select>
  );
}

export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const t = useTranslations('audit');
  const connections = useQuery(connectionsQuery()).data ?? [];
  const [f, setF] = useState({ path: '', operator: '', operation: '', connection: '', from: '', to: '' });
  const set = (key: keyof typeof f) => (value: string) => setF({ ...f, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      path: f.path.trim() || undefined,
      operator: f.operator.trim() || undefined,
      operation: (f.operation || undefined) as AuditOperation | undefined,
      connection: f.connection || undefined,
      from: fromLocal(f.from),
      to: fromLocal(f.to),
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('filters.label')} className="flex flex-wrap items-end gap-2 text-xs">
      <Field label={t('filters.path')}>
        <Input value={f.path} onChange={(e) => set('path')(e.target.value)} placeholder="/apps" className="w-48 font-mono" />
      </Field>
      <Field label={t('filters.operator')}>
        <Input value={f.operator} onChange={(e) => set('operator')(e.target.value)} className="w-32" />
      </Field>
      <Field label={t('filters.operation')}>
        <Choice value={f.operation} onChange={set('operation')} any={t('filters.anyOperation')} options={AUDIT_OPERATIONS.map((o) => [o, t(`operations.${o}`)])} />
      </Field>
      <Field label={t('filters.connection')}>
        <Choice value={f.connection} onChange={set('connection')} any={t('filters.allConnections')} options={connections.map((c) => [c.id, c.name])} />
      </Field>
      <Field label={t('filters.from')}>
        <Input type="datetime-local" value={f.from} onChange={(e) => set('from')(e.target.value)} />
      </Field>
      <Field label={t('filters.to')}>
        <Input type="datetime-local" value={f.to} onChange={(e) => set('to')(e.target.value)} />
      </Field>
      <Button type="submit" variant="primary">
        <Filter aria-hidden />
        {t('filters.apply')}
      </Button>
    </form>
  );
}
