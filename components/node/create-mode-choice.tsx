'use client';

import { useId } from 'react';
import { TTL_MODES, type CreateMode } from '@/lib/shared/types';

const MODES: ReadonlyArray<{ value: CreateMode; label: string; help: string }> = [
  { value: 'persistent', label: 'Persistent', help: 'Stays until it is deleted.' },
  { value: 'persistent_sequential', label: 'Persistent sequential', help: 'The server appends a 10-digit counter to the name.' },
  { value: 'ephemeral', label: 'Ephemeral', help: 'Removed when the session that created it ends.' },
  { value: 'ephemeral_sequential', label: 'Ephemeral sequential', help: 'Ephemeral, with a 10-digit counter appended.' },
  { value: 'container', label: 'Container', help: 'Removed by the server once its last child is deleted.' },
  { value: 'ttl', label: 'TTL', help: 'Removed when unchanged and without children for the time to live.' },
  { value: 'ttl_sequential', label: 'TTL sequential', help: 'TTL, with a 10-digit counter appended.' },
];

/** The create modes; TTL ones disabled, with the reason, where the server has them off. */
export function CreateModeChoice({ mode, onChange, ttlUnavailable }: { mode: CreateMode; onChange(mode: CreateMode): void; ttlUnavailable?: string }) {
  const ids = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">Mode</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {MODES.map((m) => {
          const disabled = TTL_MODES.has(m.value) && ttlUnavailable !== undefined;
          return (
            <label key={m.value} className="flex cursor-pointer gap-2 rounded-md border border-border p-2 text-sm has-checked:border-accent has-checked:bg-accent-soft has-disabled:cursor-not-allowed has-disabled:opacity-60">
              <input
                type="radio"
                name="mode"
                value={m.value}
                checked={mode === m.value}
                disabled={disabled}
                onChange={() => onChange(m.value)}
                aria-label={m.label}
                aria-describedby={`${ids}-${m.value}`}
                className="mt-0.5"
              />
              <span>
                <span aria-hidden className="block font-medium">
                  {m.label}
                </span>
                <span id={`${ids}-${m.value}`} className="block text-xs text-muted">
                  {disabled ? `${ttlUnavailable}.` : m.help}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
