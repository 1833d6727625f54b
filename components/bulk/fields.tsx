'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Input, Select } from '@/components/ui/input';
import { connectionsQuery } from '@/lib/client/connections';

/** A labelled field of a bulk dialog, with an optional hint under it. */
export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string, hintId?: string) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

export function PathField({ label, value, onChange, hint }: { label: string; value: string; onChange(value: string): void; hint?: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} className="w-full font-mono" spellCheck={false} aria-describedby={hintId} />}
    </Field>
  );
}

/** The configured connections; `value` is a connection id. */
export function ConnectionField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const connections = useQuery(connectionsQuery()).data ?? [];
  return (
    <Field label={label}>
      {(id) => (
        <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="w-full">
          {connections.length === 0 && <option value={value}>{value}</option>}
          {connections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

export function FileField({ label, onChange, hint }: { label: string; onChange(file: File | null): void; hint?: ReactNode }) {
  return (
    <Field label={label} hint={hint}>
      {(id, hintId) => (
        <input
          id={id}
          type="file"
          accept=".zkexport,.gz,.json,.ndjson,application/gzip,application/json"
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-panel file:px-3 file:py-1 file:text-sm hover:file:bg-subtle"
        />
      )}
    </Field>
  );
}

/** Radio choices in a fieldset, each with an optional hint. */
export function Choices<T extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: T; options: ReadonlyArray<{ value: T; label: string; hint?: string }>; onChange(value: T): void }) {
  const id = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="grid gap-1 sm:grid-cols-3">
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer gap-2 rounded-md border border-border p-2 text-sm has-checked:border-accent has-checked:bg-accent-soft">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-label={o.label}
              aria-describedby={o.hint ? `${id}-${o.value}` : undefined}
              className="mt-0.5"
            />
            <span>
              <span aria-hidden className="block font-medium">
                {o.label}
              </span>
              {o.hint && (
                <span id={`${id}-${o.value}`} className="block text-xs text-muted">
                  {o.hint}
                </span>
              )}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
