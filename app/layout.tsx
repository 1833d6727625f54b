import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ThemeProviders } from '@/components/theme-providers';
import { pickNamespaces, SHELL_NAMESPACES } from '@/i18n/messages';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages');
  return {
    title: { default: 'Zooscope', template: '%s · Zooscope' },
    description: t('description'),
    // public/: the SVG for browsers that take one, favicon.ico (16, 32, 48 px) for the rest.
    icons: {
      icon: [
        { url: '/icon.svg', type: 'image/svg+xml' },
        { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
      ],
    },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this answer: next-themes' inline script needs it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  // i18n/request.ts: the language switch's cookie, else Accept-Language, else English.
  const locale = await getLocale();
  const messages = pickNamespaces(await getMessages(), SHELL_NAMESPACES);
  return (
    <html lang={locale} suppressHydrationWarning>
      <body>
        {/* The shell's catalogs for client components; the dashboard's layout adds the rest (docs/i18n.md). */}
        <NextIntlClientProvider messages={messages}>
          <ThemeProviders nonce={nonce}>{children}</ThemeProviders>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
