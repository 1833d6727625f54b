import type { Metadata } from 'next';
import { LocalModeBanner } from '@/components/auth/local-mode-banner';
import { ConnectionsView } from '@/components/connections/connections-view';
import { BrandLink } from '@/components/shell/brand-link';
import { ThemeToggle } from '@/components/shell/theme-toggle';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Connections · Zooscope' };

export default function ConnectionsPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-border bg-panel px-4">
        <BrandLink />
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </header>
      <LocalModeBanner />
      <ConnectionsView />
    </div>
  );
}
