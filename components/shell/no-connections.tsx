import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/error-alert';
import { CONNECTIONS_HREF } from '@/lib/client/urls';

export function NoConnections() {
  const t = useTranslations('header.noConnections');
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="mb-4 text-xl font-semibold">Zooscope</h1>
      <Alert title={t('title')}>
        {t.rich('body', {
          code: (chunks) => <code>{chunks}</code>,
          link: (chunks) => (
            <Link href={CONNECTIONS_HREF} className="text-accent underline">
              {chunks}
            </Link>
          ),
        })}
      </Alert>
    </main>
  );
}
