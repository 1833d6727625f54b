'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { TTL_MODES, type CreateMode } from '@/lib/shared/types';

/** In the order offered; each one's label and help are in the catalog under its name. */
const MODES: readonly CreateMode[] = ['persistent', 'persistent_sequential', 'ephemeral', 'ephemeral_sequential', 'container', 'ttl', 'ttl_sequential'];

/** The create modes; TTL ones disabled, with the reason, where the server has them off. */
export function CreateModeChoice({ mode, onChange, ttlUnavailable }: { mode: CreateMode; onChange(mode: CreateMode): void; ttlUnavailable?: string }) {
  const t = useTranslations('node.create');
  const ids = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium">{t('mode')}</legend>
      <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
        {MODES.map((value) => {
          const m = { value, label: t(`modes.${value}.label`), help: t(`modes.${value}.help`) };
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
                  {disabled ? t('unavailable', { reason: ttlUnavailable }) : m.help}
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
