'use client';

import { Keyboard } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/kbd';
import { isTypingTarget, SHORTCUT_EVENTS } from '@/components/ui/keys';

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

/** The "?" dialog, and the global single-key shortcuts ("?", "/", "n"). */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const inTree = e.target instanceof HTMLElement && e.target.closest('[role="tree"]') !== null;
      if (e.key === '?') {
        e.preventDefault();
        setOpen(true);
      } else if (e.key === '/' && !inTree) {
        const bar = document.querySelector<HTMLInputElement>('[data-shortcut="path-bar"]');
        if (bar) {
          e.preventDefault();
          bar.focus();
          bar.select();
        }
      } else if (e.key === 'n' && !inTree) {
        e.preventDefault();
        window.dispatchEvent(new Event(SHORTCUT_EVENTS.createNode));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <DialogRoot open={open} onOpenChange={setOpen}>
      <Button size="icon" variant="ghost" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setOpen(true)}>
        <Keyboard />
      </Button>
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
