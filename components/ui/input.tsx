import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

const FIELD = 'h-8 rounded-md border border-border bg-panel px-2 text-sm placeholder:text-muted disabled:opacity-50 aria-invalid:border-danger';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, 'px-1', className)} {...props} />;
}

/** A compact select with its visible label, over {value, label} options. */
export function LabeledSelect<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: ReadonlyArray<{ value: T; label: string }>; onChange(value: T): void }) {
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      {label}
      <Select value={value} onChange={(e) => onChange(e.target.value as T)} className="h-7 text-xs">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}
