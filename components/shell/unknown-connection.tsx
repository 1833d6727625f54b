import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/error-alert';
import { browseHref } from '@/lib/client/urls';
import type { ConnectionChoice } from './connection-switcher';

export function UnknownConnection({ connection, connections }: { connection: string; connections: ConnectionChoice[] }) {
  const t = useTranslations('header.unknownConnection');
  return (
    <main className="mx-auto w-full max-w-xl p-10">
      <Alert title={t('title')}>
        <p>{t('body', { connection })}</p>
        {connections.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {connections.map((c) => (
              <li key={c.id}>
                <Link className="text-accent underline" href={browseHref(c.id, '/')}>
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Alert>
    </main>
  );
}
