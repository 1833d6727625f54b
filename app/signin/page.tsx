import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { authMode } from '@/lib/auth/exposure';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pages.titles'))('signIn') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; expired?: string }> }) {
  const { next, expired } = await searchParams;
  const t = await getTranslations('pages.signIn');
  return (
    <main className="relative grid min-h-dvh place-items-center bg-bg p-4">
      <div className="absolute top-3 right-4">
        <LanguageSwitch />
      </div>
      <div className="w-full max-w-sm rounded-lg border border-border bg-panel p-6 shadow-sm">
        <h1 className="mb-1 flex items-center gap-2 text-lg font-semibold">
          <span aria-hidden className="grid size-6 place-items-center rounded-md bg-accent text-xs font-bold text-accent-fg">
            Z
          </span>
          {t('heading')}
        </h1>
        <p className="mb-4 text-sm text-muted">{t('intro')}</p>
        <SignInForm next={next} expired={expired === '1'} local={authMode() === 'local'} />
      </div>
    </main>
  );
}
