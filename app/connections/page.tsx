import type { Metadata } from 'next';
import Link from 'next/link';
import { LocalModeBanner } from '@/components/auth/local-mode-banner';
import { ConnectionsView } from '@/components/connections/connections-view';
import { ThemeToggle } from '@/components/shell/theme-toggle';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Connections · Zooscope' };

export default function ConnectionsPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-border bg-panel px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs font-bold text-accent-fg">
            Z
          </span>
          Zooscope
        </Link>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </header>
      <LocalModeBanner />
      <ConnectionsView />
    </div>
  );
}
