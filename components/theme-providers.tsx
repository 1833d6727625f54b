'use client';

import { ThemeProvider } from 'next-themes';
import type { ReactNode } from 'react';

/** Every page: the light/dark theme. */
export function ThemeProviders({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      {children}
    </ThemeProvider>
  );
}
