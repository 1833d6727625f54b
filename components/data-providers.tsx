'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/ui/toast';
import { getQueryClient } from '@/lib/client/query-client';

/**
 * The pages that read the API through TanStack Query (everything under /c/), and their toasts.
 * The sign-in page goes without, and so without the library's code (its own module, so that
 * the root layout's chunk does not carry it).
 */
export function DataProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={getQueryClient()}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
