'use client';

import { useQuery } from '@tanstack/react-query';
import { Filter } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { AUDIT_OPERATIONS, OPERATION_LABELS, type AuditFilter, type AuditOperation } from '@/lib/audit/types';
import { connectionsQuery } from '@/lib/client/connections';

/** datetime-local value (local time, no zone) → ms since the epoch. */
const fromLocal = (v: string) => (v ? new Date(v).getTime() : undefined);

export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const connections = useQuery(connectionsQuery()).data ?? [];
  const [path, setPath] = useState('');
  const [operator, setOperator] = useState('');
  const [operation, setOperation] = useState('');
  const [connection, setConnection] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      path: path.trim() || undefined,
      operator: operator.trim() || undefined,
      operation: (operation || undefined) as AuditOperation | undefined,
      connection: connection || undefined,
      from: fromLocal(from),
      to: fromLocal(to),
    });
  };
  return (
    <form onSubmit={submit} aria-label="Filter the audit log" className="flex flex-wrap items-end gap-2 text-xs">
      <label className="flex flex-col gap-1 font-medium">
        Path (and below)
        <Input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/apps" className="w-48 font-mono" />
      </label>
      <label className="flex flex-col gap-1 font-medium">
        Operator
        <Input value={operator} onChange={(e) => setOperator(e.target.value)} className="w-32" />
      </label>
      <label className="flex flex-col gap-1 font-medium">
        Operation
        <Select value={operation} onChange={(e) => setOperation(e.target.value)}>
          <option value="">Any</option>
          {AUDIT_OPERATIONS.map((o) => (
            <option key={o} value={o}>
              {OPERATION_LABELS[o]}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 font-medium">
        Connection
        <Select value={connection} onChange={(e) => setConnection(e.target.value)}>
          <option value="">All</option>
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-1 font-medium">
        From
        <Input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="flex flex-col gap-1 font-medium">
        To
        <Input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <Button type="submit" variant="primary">
        <Filter aria-hidden />
        Apply filters
      </Button>
    </form>
  );
}
