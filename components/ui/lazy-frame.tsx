'use client';

import { useTranslations } from 'next-intl';
import { Button } from './button';
import { Alert } from './error-alert';

/** Where a view fetched on first use will be: its frame while the code downloads, an alert with a retry if that failed. */
export function LazyFrame({ failed, retry, className }: { failed: boolean; retry: () => void; className?: string }) {
  const t = useTranslations('common.lazyFailed');
  if (!failed) return <div aria-busy className={className} />;
  return (
    <Alert title={t('title')} className={className}>
      <p>{t('message')}</p>
      <Button size="sm" className="mt-2" onClick={retry}>
        {t('retry')}
      </Button>
    </Alert>
  );
}
