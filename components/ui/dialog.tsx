'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, type ReactNode } from 'react';
import { cn } from './cn';

export const DialogRoot = RadixDialog.Root;
export const DialogClose = RadixDialog.Close;

/** A modal with a title (its accessible name) and an optional description; `width` replaces the default width class. */
export function DialogContent({ title, description, width = 'w-[min(560px,92vw)]', children }: { title: string; description?: ReactNode; width?: string; children: ReactNode }) {
  // Focus goes back to where it was when the dialog opened: its button, or (for a dialog opened by
  // a shortcut, or by a button that is not a Radix trigger) the element that had it.
  const opener = useRef<HTMLElement | null>(null);
  const t = useTranslations('common');
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
      <RadixDialog.Content
        className={cn('fixed top-1/2 left-1/2 z-50 max-h-[90vh] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg border border-border bg-panel p-5 shadow-xl', width)}
        {...(description === undefined && { 'aria-describedby': undefined })}
        onOpenAutoFocus={() => (opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null)}
        onCloseAutoFocus={(e) => {
          if (!opener.current?.isConnected) return;
          e.preventDefault();
          opener.current.focus();
        }}
      >
        <div className="mb-3 flex items-start justify-between gap-4">
          <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
          <RadixDialog.Close aria-label={t('close')} className="rounded p-1 text-muted hover:bg-subtle">
            <X className="size-4" />
          </RadixDialog.Close>
        </div>
        {description !== undefined && <RadixDialog.Description className="mb-4 text-sm text-muted">{description}</RadixDialog.Description>}
        {children}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
