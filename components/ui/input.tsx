import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

const FIELD = 'h-8 rounded-md border border-border bg-panel px-2 text-sm placeholder:text-muted disabled:opacity-50 aria-invalid:border-danger';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(FIELD, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(FIELD, 'px-1', className)} {...props} />;
}
