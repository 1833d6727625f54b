import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { browseHref } from '@/lib/client/urls';

/** A link to a raw znode in the explorer; its text is the path unless `children` says otherwise. */
export function ZnodeLink({ connection, path, className, children }: { connection: string; path: string; className?: string; children?: ReactNode }) {
  const t = useTranslations('ensemble');
  return (
    <Link
      href={browseHref(connection, path)}
      title={t('openInExplorer', { path })}
      className={cn('break-all text-accent underline-offset-2 hover:underline', children === undefined && 'font-mono text-xs', className)}
    >
      {children ?? path}
    </Link>
  );
}
