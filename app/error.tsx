'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';

/** A page that failed to render: say so in the operator's language, and offer to try again. */
export default function PageError({ retry }: { error: Error; retry: () => void }) {
  const t = useTranslations('pages.error');
  return (
    <main role="alert" className="mx-auto max-w-xl space-y-3 p-10">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-muted">{t('body')}</p>
      <Button onClick={retry}>{t('retry')}</Button>
    </main>
  );
}
