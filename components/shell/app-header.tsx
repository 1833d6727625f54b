import Link from 'next/link';
import { CONNECTIONS_HREF } from '@/lib/client/urls';
import { AccountMenu } from '@/components/auth/account-menu';
import { IdentitiesDialog } from '@/components/auth/identities-dialog';
import { QuickOpenTrigger } from '@/components/palette/quick-open-trigger';
import { BrandLink } from './brand-link';
import { ConnectionStatus } from './connection-status';
import { DashboardStatus } from './dashboard-status';
import { ConnectionSwitcher, type ConnectionChoice } from './connection-switcher';
import { MainNav } from './main-nav';
import { ShortcutsHelp } from './shortcuts-help';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ connection, connections }: { connection: string; connections: ConnectionChoice[] }) {
  return (
    <header className="flex h-12 shrink-0 items-center gap-4 border-b border-border bg-panel px-4">
      <BrandLink />
      <ConnectionSwitcher connection={connection} connections={connections} />
      <MainNav connection={connection} />
      <Link href={CONNECTIONS_HREF} className="rounded-md px-2.5 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-fg">
        Connections
      </Link>
      <div className="ml-auto flex items-center gap-2">
        <DashboardStatus />
        <ConnectionStatus connection={connection} />
        <IdentitiesDialog connection={connection} />
        <AccountMenu connection={connection} />
        <QuickOpenTrigger connection={connection} />
        <ShortcutsHelp />
        <ThemeToggle />
      </div>
    </header>
  );
}
