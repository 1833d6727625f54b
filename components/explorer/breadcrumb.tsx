import { useTranslations } from 'next-intl';
import { BrowseLink } from './browse-link';
import { Fragment } from 'react';
import { browseHref } from '@/lib/client/urls';
import { ancestors, baseName } from '@/lib/shared/path';

export function Breadcrumb({ connection, path }: { connection: string; path: string }) {
  const t = useTranslations('explorer');
  const trail = ancestors(path);
  return (
    <nav aria-label={t('breadcrumb')} className="min-w-0 flex-1 basis-48 overflow-x-auto">
      <ol className="flex items-center font-mono text-sm whitespace-nowrap">
        {trail.map((p, i) => {
          const last = i === trail.length - 1;
          const label = baseName(p);
          return (
            <Fragment key={p}>
              {i > 1 && (
                <li aria-hidden className="px-0.5 text-muted">
                  /
                </li>
              )}
              <li>
                {last ? (
                  <span aria-current="page" className="font-semibold">
                    {p === '/' ? '/' : label}
                  </span>
                ) : (
                  <BrowseLink href={browseHref(connection, p)} className="rounded px-0.5 text-muted hover:text-fg hover:underline" aria-label={p === '/' ? t('root') : label}>
                    {p === '/' ? '/' : label}
                  </BrowseLink>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
