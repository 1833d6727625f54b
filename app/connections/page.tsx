import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LocalModeBanner } from '@/components/auth/local-mode-banner';
import { ConnectionsView } from '@/components/connections/connections-view';
import { BrandLink } from '@/components/shell/brand-link';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { ThemeToggle } from '@/components/shell/theme-toggle';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('connections') };
}

export default function ConnectionsPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-border bg-panel px-4">
        <BrandLink />
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          <ThemeToggle />
        </div>
      </header>
      <LocalModeBanner />
      <ConnectionsView />
    </div>
  );
}
