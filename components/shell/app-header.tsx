import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CONNECTIONS_HREF } from '@/lib/client/urls';
import { AccountMenu } from '@/components/auth/account-menu';
import { IdentitiesDialog } from '@/components/auth/identities-dialog';
import { QuickOpenTrigger } from '@/components/palette/quick-open-trigger';
import { BrandLink } from './brand-link';
import { ConnectionStatus } from './connection-status';
import { DashboardStatus } from './dashboard-status';
import { HeaderMenu } from './header-menu';
import { ConnectionSwitcher, type ConnectionChoice } from './connection-switcher';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { ShortcutsHelp } from './shortcuts-help';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ connection, connections }: { connection: string; connections: ConnectionChoice[] }) {
  const t = useTranslations('header');
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-border bg-panel px-2 sm:gap-3 sm:px-4">
      <BrandLink />
      <HeaderMenu connection={connection} />
      <ConnectionSwitcher connection={connection} connections={connections} />
      {/* Folded into the menu below 1280 px. */}
      <div className="flex items-center gap-3 max-xl:hidden">
        <MainNav connection={connection} />
        <Link href={CONNECTIONS_HREF} className="rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-fg">
          {t('connections')}
        </Link>
      </div>
      <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
        <DashboardStatus />
        <ConnectionStatus connection={connection} />
        <IdentitiesDialog connection={connection} />
        <AccountMenu connection={connection} />
        <QuickOpenTrigger connection={connection} />
        {/* Keyboard shortcuts mean little on a phone; `?` still opens them. */}
        <div className="contents max-sm:hidden">
          <ShortcutsHelp />
        </div>
        {/* Below 1024 px the language moves into the menu: the header has no room for it. */}
        <div className="contents max-lg:hidden">
          <LanguageSwitch />
        </div>
        <ThemeToggle />
      </div>
    </header>
  );
}
