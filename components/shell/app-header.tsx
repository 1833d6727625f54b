import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { CONNECTIONS_HREF } from '@/lib/client/urls';
import { AccountMenu } from '@/components/auth/account-menu';
import { IdentitiesDialog } from '@/components/auth/identities-dialog';
import { QuickOpenTrigger } from '@/components/palette/quick-open-trigger';
import { BrandLink } from './brand-link';
import { ConnectionStatus } from './connection-status';
import { ConnectionSwitcher, type ConnectionChoice } from './connection-switcher';
import { LanguageSwitch } from './language-switch';
import { MainNav } from './main-nav';
import { ShortcutsHelp } from './shortcuts-help';
import { ThemeToggle } from './theme-toggle';

export function AppHeader({ connection, connections }: { connection: string; connections: ConnectionChoice[] }) {
  const t = useTranslations('header');
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-border bg-panel px-4">
      <BrandLink />
      <ConnectionSwitcher connection={connection} connections={connections} />
      <MainNav connection={connection} />
      <Link href={CONNECTIONS_HREF} className="rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap text-muted hover:bg-subtle hover:text-fg">
        {t('connections')}
      </Link>
      <div className="ml-auto flex items-center gap-2">
        <ConnectionStatus connection={connection} />
        <IdentitiesDialog connection={connection} />
        <AccountMenu connection={connection} />
        <QuickOpenTrigger connection={connection} />
        <ShortcutsHelp />
        <LanguageSwitch />
        <ThemeToggle />
      </div>
    </header>
  );
}
