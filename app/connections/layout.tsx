import type { ReactNode } from 'react';
import { DataProviders } from '@/components/data-providers';

/** The Connections page reads the API through TanStack Query, like the pages under /c/. */
export default function ConnectionsLayout({ children }: { children: ReactNode }) {
  return <DataProviders>{children}</DataProviders>;
}
