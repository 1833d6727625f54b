import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Zooscope', template: '%s · Zooscope' },
  description: 'ZooKeeper znode explorer and admin dashboard',
  // public/: the SVG for browsers that take one, favicon.ico (16, 32, 48 px) for the rest.
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '16x16 32x32 48x48' },
    ],
  },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP nonce proxy.ts made for this answer: next-themes' inline script needs it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
