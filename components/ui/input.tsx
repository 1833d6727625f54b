import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

const FIELD = 'rounded-md border border-border bg-panel placeholder:text-muted disabled:opacity-50 aria-invalid:border-danger';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(FIELD, 'h-8 px-2 text-sm', className)} {...props} />;
}

/** `compact`: the height and text of a small toolbar control. */
export function Select({ compact = false, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { compact?: boolean }) {
  return <select className={cn(FIELD, compact ? 'h-7 text-xs' : 'h-8 text-sm', 'px-1', className)} {...props} />;
}

/** A compact select with its visible label, over {value, label} options. */
export function LabeledSelect<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange(value: T): void }) {
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      {label}
      <Select value={value} onChange={(e) => onChange(e.target.value as T)} compact>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
