import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ThemeProviders } from '@/components/theme-providers';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProviders>{children}</ThemeProviders>
      </body>
    </html>
  );
}
