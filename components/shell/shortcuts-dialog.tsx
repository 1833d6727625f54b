'use client';

import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/kbd';

const GROUPS: Array<{ title: string; items: Array<[keys: string[], what: string]> }> = [
  {
    title: 'Anywhere',
    items: [
      [['?'], 'Show this list'],
      [['/'], 'Jump to a path (path bar)'],
      [['Ctrl', 'K'], 'Quick open: a path, a bookmark, a recent node or a command (⌘K on macOS)'],
      [['Ctrl', 'Shift', 'F'], 'Search names and values under the current node (⌘⇧F on macOS)'],
      [['n'], 'New node under the current node'],
      [['Ctrl', 'S'], 'Save the value being edited (⌘S on macOS)'],
    ],
  },
  {
    title: 'Tree',
    items: [
      [['↑', '↓'], 'Previous / next node'],
      [['→'], 'Expand, or go to the first child'],
      [['←'], 'Collapse, or go to the parent'],
      [['Home', 'End'], 'First / last node'],
      [['Enter'], 'Open the node'],
      [['a–z'], 'Jump to the next node whose name starts with the letters typed'],
      [['/'], 'Filter the children of the focused node (long lists)'],
      [['Esc'], 'In a filter: clear it, then return to the tree'],
    ],
  },
];

/** The list of keyboard shortcuts, a chunk of its own (with Radix's dialog), fetched when first shown. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts">
        <div className="space-y-4">
          {GROUPS.map((group) => (
            <section key={group.title}>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{group.title}</h3>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5 text-sm">
                {group.items.map(([keys, what]) => (
                  <div key={what} className="contents">
                    <dt className="flex gap-1 whitespace-nowrap">
                      {keys.map((k) => (
                        <Kbd key={k}>{k}</Kbd>
                      ))}
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </DialogContent>
    </DialogRoot>
  );
}
