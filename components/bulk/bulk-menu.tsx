'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import { ArrowRightLeft, Copy, Download, GitCompare, MoreHorizontal, Upload, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import { useAccess } from '@/components/auth/use-access';
import { Button } from '@/components/ui/button';
import { DialogRoot } from '@/components/ui/dialog';
import { CompareDialog } from './compare-dialog';
import { CopyDialog } from './copy-dialog';
import { ExportDialog } from './export-dialog';
import { ImportDialog } from './import-dialog';

export type BulkAction = 'export' | 'import' | 'copy' | 'move' | 'compare';

const ACTIONS: ReadonlyArray<{ action: BulkAction; icon: LucideIcon; writes: boolean }> = [
  { action: 'export', icon: Download, writes: false },
  { action: 'import', icon: Upload, writes: true },
  { action: 'copy', icon: Copy, writes: true },
  { action: 'move', icon: ArrowRightLeft, writes: true },
  { action: 'compare', icon: GitCompare, writes: false },
];

/** Where the menu opens: from the "More actions" button, or at a tree row (context-menu key, Shift+F10, right click). */
export type MenuPlace = { kind: 'button' } | { kind: 'row'; rect: { left: number; top: number; height: number } };

interface BulkMenuProps {
  connection: string;
  path: string;
  place: MenuPlace;
  /** The menu closed without an action, or the action's dialog closed. */
  onDone?(): void;
}

/**
 * The bulk actions of a node (export, import, copy, move, compare) and their dialogs. Changes are
 * offered only to a role that may make them; the server refuses them anyway.
 */
export function BulkMenu({ connection, path, place, onDone }: BulkMenuProps) {
  const t = useTranslations('bulk');
  const writes = useAccess(connection, 'write').allowed;
  const [menuOpen, setMenuOpen] = useState(true);
  // The dialog keeps the path it was opened for (a move navigates to the new path while its report shows).
  const [dialog, setDialog] = useState<{ action: BulkAction; path: string } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const onMenuOpenChange = (open: boolean) => {
    setMenuOpen(open);
    if (!open && dialog === null) onDone?.();
  };
  const trigger: ReactNode =
    place.kind === 'button' ? (
      <Button ref={button} size="sm" variant="ghost" aria-label={t('moreActions')} title={t('moreActionsTitle')}>
        <MoreHorizontal aria-hidden />
      </Button>
    ) : (
      <span aria-hidden className="pointer-events-none fixed w-0" style={{ left: place.rect.left, top: place.rect.top, height: place.rect.height }} />
    );
  return (
    <>
      <Menu.Root open={menuOpen} onOpenChange={onMenuOpenChange} modal={false}>
        <Menu.Trigger asChild>{trigger}</Menu.Trigger>
        <Menu.Portal>
          <Menu.Content
            aria-label={t('actionsFor', { path })}
            align={place.kind === 'button' ? 'end' : 'start'}
            sideOffset={4}
            className="z-50 min-w-44 rounded-md border border-border bg-panel p-1 text-sm shadow-lg"
            // A row's menu gives focus back to the row (onDone); a dialog keeps it.
            onCloseAutoFocus={(e) => (dialog !== null || place.kind === 'row') && e.preventDefault()}
          >
            {ACTIONS.filter((a) => writes || !a.writes).map(({ action, icon: Icon }) => (
              <Menu.Item
                key={action}
                onSelect={() => setDialog({ action, path })}
                className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-subtle"
              >
                <Icon aria-hidden className="size-4 text-muted" />
                {t(`menu.${action}`)}
              </Menu.Item>
            ))}
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <DialogRoot
        open={dialog !== null}
        onOpenChange={(open) => {
          if (open) return;
          setDialog(null);
          onDone?.();
          // The menu item that opened the dialog is gone: focus goes back to the button.
          requestAnimationFrame(() => button.current?.focus());
        }}
      >
        {dialog?.action === 'export' && <ExportDialog connection={connection} path={dialog.path} />}
        {dialog?.action === 'import' && <ImportDialog connection={connection} path={dialog.path} />}
        {(dialog?.action === 'copy' || dialog?.action === 'move') && <CopyDialog key={dialog.action} connection={connection} path={dialog.path} move={dialog.action === 'move'} />}
        {dialog?.action === 'compare' && <CompareDialog connection={connection} path={dialog.path} />}
      </DialogRoot>
    </>
  );
}
