'use client';

import * as Menu from '@radix-ui/react-dropdown-menu';
import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useTheme } from 'next-themes';
import { Button } from '@/components/ui/button';

const THEMES = [
  { value: 'light', icon: Sun },
  { value: 'dark', icon: Moon },
  { value: 'system', icon: Monitor },
] as const;

/** The theme menu (Radix), a chunk of its own: it replaces the plain button when first used, open. */
export function ThemeMenu({ icon: Icon }: { icon: LucideIcon }) {
  const t = useTranslations('common');
  const { theme, setTheme } = useTheme();
  return (
    <Menu.Root defaultOpen>
      <Menu.Trigger asChild>
        <Button size="icon" variant="ghost" aria-label={t('theme')} title={t('theme')}>
          <Icon />
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} className="z-50 min-w-32 rounded-md border border-border bg-panel p-1 text-sm shadow-lg">
          <Menu.RadioGroup value={theme} onValueChange={setTheme}>
            {THEMES.map(({ value, icon: ItemIcon }) => (
              <Menu.RadioItem
                key={value}
                value={value}
                className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-subtle data-[state=checked]:font-semibold"
              >
                <ItemIcon aria-hidden className="size-4" />
                {t(`themes.${value}`)}
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
