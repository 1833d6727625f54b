import { useId, type ReactNode } from 'react';

/** A labelled form field with an optional hint; children get the ids to wire label and hint. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (ids: { input: string; hint?: string }) => ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ input: id, hint: hint && `${id}-hint` })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}
