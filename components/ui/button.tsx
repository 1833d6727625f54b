import type { ComponentProps } from 'react';
import { cn } from './cn';

type Variant = 'default' | 'pressed' | 'primary' | 'danger' | 'ghost';
type Size = 'sm' | 'md' | 'icon' | 'icon-sm';

const VARIANTS: Record<Variant, string> = {
  default: 'border border-border bg-panel hover:bg-subtle disabled:opacity-50',
  // A toggle that is on (aria-pressed): the default look in the accent colour.
  pressed: 'border border-accent bg-panel text-accent hover:bg-subtle disabled:opacity-50',
  // Disabled solid buttons turn neutral: a faded accent still reads as active on a dark background.
  primary: 'bg-accent text-accent-fg hover:opacity-90 disabled:bg-subtle disabled:text-muted disabled:opacity-100',
  danger: 'bg-danger text-white hover:opacity-90 dark:text-bg disabled:bg-subtle disabled:text-muted disabled:opacity-100',
  ghost: 'hover:bg-subtle disabled:opacity-50',
};

const SIZES: Record<Size, string> = {
  sm: 'h-7 px-2 text-xs gap-1',
  md: 'h-8 px-3 text-sm gap-1.5',
  icon: 'h-7 w-7 justify-center',
  'icon-sm': 'h-6 w-6 justify-center',
};

export interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant;
  size?: Size;
}

export function Button({ variant = 'default', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex shrink-0 items-center rounded-md font-medium whitespace-nowrap transition-colors disabled:pointer-events-none [&_svg]:size-4',
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
