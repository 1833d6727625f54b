import type { ReactNode } from 'react';
import { ExplorerLayout } from '@/components/explorer/explorer-layout';

export default async function BrowseLayout({ children, params }: { children: ReactNode; params: Promise<{ connection: string }> }) {
  return <ExplorerLayout connection={decodeURIComponent((await params).connection)}>{children}</ExplorerLayout>;
}
