import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata() {
  return { title: (await getTranslations('pages.titles'))('notFound') };
}

/** Any address that matches no page. */
export default async function NotFound() {
  const t = await getTranslations('pages.notFound');
  return (
    <main className="mx-auto max-w-xl space-y-3 p-10">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <p className="text-sm text-muted">{t('body')}</p>
      <Link href="/" className="text-sm text-accent underline">
        {t('home')}
      </Link>
    </main>
  );
}
