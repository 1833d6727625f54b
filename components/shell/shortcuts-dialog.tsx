'use client';

import { useTranslations } from 'next-intl';
import { DialogContent, DialogRoot } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/kbd';

/** Key names are printed on the keys, so they stay as they are in every language. */
const GROUPS = [
  {
    title: 'anywhere',
    items: [
      [['?'], 'help'],
      [['/'], 'pathBar'],
      [['Ctrl', 'K'], 'quickOpen'],
      [['Ctrl', 'Shift', 'F'], 'search'],
      [['n'], 'newNode'],
      [['Ctrl', 'S'], 'save'],
    ],
  },
  {
    title: 'tree',
    items: [
      [['↑', '↓'], 'prevNext'],
      [['→'], 'expand'],
      [['←'], 'collapse'],
      [['Home', 'End'], 'firstLast'],
      [['Enter'], 'open'],
      [['a–z'], 'typeAhead'],
      [['/'], 'filter'],
      [['Esc'], 'escape'],
    ],
  },
] as const;

/** The list of keyboard shortcuts, a chunk of its own (with Radix's dialog), fetched when first shown. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const t = useTranslations('shortcuts');
  return (
    <DialogRoot open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t('title')}>
        <div className="space-y-4">
          {GROUPS.map((group) => (
            <section key={group.title}>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t(`groups.${group.title}`)}</h3>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5 text-sm">
                {group.items.map(([keys, what]) => (
                  <div key={what} className="contents">
                    <dt className="flex gap-1 whitespace-nowrap">
                      {keys.map((k) => (
                        <Kbd key={k}>{k}</Kbd>
                      ))}
                    </dt>
                    <dd>{t(`items.${what}`)}</dd>
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
