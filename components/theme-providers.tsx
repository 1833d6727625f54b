'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';

/** Every page: the light/dark theme. `nonce` is the page's CSP nonce, for next-themes' inline script. */
export function ThemeProviders({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </ThemeProvider>
  );
}
